using InternalCustomer.Feedback;
using InternalCustomer.Fuzz;
using InternalCustomer.Interchange;

namespace InternalCustomer.Tests.Interchange;

/// <summary>Every seed of the fuzzing harness's corpus is a valid document for its target (a seed that fails to read
/// would start the fuzzer in the readers' error paths only).</summary>
public class FuzzCorpusTests
{
    public static TheoryData<string> DocumentTargets() =>
        ["organisation-json", "requests-json", "requests-csv", "responses-json", "responses-csv", "improvement-json", "invitations-csv"];

    [Theory]
    [MemberData(nameof(DocumentTargets))]
    public void Every_seed_reads_as_a_value(string target)
    {
        var files = FuzzCorpus.Files(target);
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            var problems = target switch
            {
                "organisation-json" => OrganizationJson.Read(bytes).Problems,
                "requests-json" => ServiceRequestJson.Read(bytes).Problems,
                "requests-csv" => ServiceRequestCsv.Read(bytes).Problems,
                "responses-json" => FeedbackResponseJson.Read(bytes, DimensionSet.Servqual).Problems,
                "responses-csv" => FeedbackResponseCsv.Read(bytes, DimensionSet.Servqual).Problems,
                "improvement-json" => ImprovementJson.Read(bytes, ImprovementJsonTests.Organization).Problems,
                "invitations-csv" => InvitationCsv.Read(bytes).Problems,
                _ => throw new ArgumentOutOfRangeException(nameof(target), target, "Expected a document target."),
            };
            Assert.True(problems.IsEmpty, $"{file}: {string.Join("; ", problems)}");
        }
    }

    [Theory]
    [InlineData("state-binary")]
    [InlineData("state-json")]
    public void Every_state_seed_is_a_value_of_exactly_one_summary_type_and_there_is_one_of_each(string target)
    {
        var readers = target == "state-binary" ? StateReaders.Binary : StateReaders.Json;
        var readBy = FuzzCorpus.Seeds(target).Select(seed => Assert.Single(Enumerable.Range(0, readers.Length), i => readers[i].Read(seed).IsSuccess)).ToList();

        Assert.Equal(Enumerable.Range(0, readers.Length), readBy.Order());
    }
}
