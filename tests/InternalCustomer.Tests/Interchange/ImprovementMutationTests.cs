using System.Text;
using FsCheck.Xunit;
using InternalCustomer.Interchange;
using InternalCustomer.Tests.Generators;

namespace InternalCustomer.Tests.Interchange;

/// <summary>
/// The improvement readers' promise, "reading never throws on bad input", checked like the other readers'
/// (<see cref="ReaderMutationTests"/>, <see cref="MutationRuns.PerReader"/> documents each): mutated improvement documents (every field used) and mutated invitations CSVs joined
/// to a document whose campaign leaves its invitations out; every result is a value with no problem or a failure with at
/// least one problem (and at most the cap and its summary).
/// </summary>
public class ImprovementMutationTests
{
    internal const string InvitationsCsv =
        "campaign,provider,consumer,invited\r\n"
        + "2026-q1,hr,line-a,3\r\n"
        + "\"2026-q1\",hr,ops,\r\n";

    private static readonly byte[] DocumentBytes = Encoding.UTF8.GetBytes(ImprovementJsonTests.Document);
    private static readonly byte[] CsvBytes = Encoding.UTF8.GetBytes(InvitationsCsv);
    private static readonly byte[] WithoutInvitationsBytes = Encoding.UTF8.GetBytes(ImprovementJsonTests.Document.ReplaceLineEndings("\n").Replace(
        ",\n      \"invitations\": [ { \"provider\": \"hr\", \"consumer\": \"line-a\", \"invited\": 3 }, { \"provider\": \"hr\", \"consumer\": \"ops\" } ]",
        string.Empty,
        StringComparison.Ordinal));

    [Fact]
    public void The_seeds_are_valid_documents()
    {
        Assert.True(ImprovementJson.Read(DocumentBytes, ImprovementJsonTests.Organization).IsSuccess);
        Assert.True(InvitationCsv.Read(CsvBytes).IsSuccess);
        Assert.Equal(
            ImprovementJson.Read(DocumentBytes, ImprovementJsonTests.Organization).Value,
            ImprovementJson.Read(WithoutInvitationsBytes, CsvBytes, ImprovementJsonTests.Organization).Value);
    }

    [Fact]
    public void Mutated_improvement_documents_never_throw() =>
        MutationRuns.Feed([DocumentBytes], 11, MutationRuns.PerReader, document =>
        {
            var result = (document.Seed & 3) switch
            {
                0 => ImprovementJson.Read(Encoding.UTF8.GetString(document.Bytes), ImprovementJsonTests.Organization),
                1 => ImprovementJson.Read(new MemoryStream(document.Bytes), ImprovementJsonTests.Organization),
                _ => ImprovementJson.Read(document.Bytes, ImprovementJsonTests.Organization),
            };

            AssertValueOrProblems(result, document.ToString());
        });

    [Fact]
    public void Mutated_invitation_csvs_never_throw_alone_or_joined() =>
        MutationRuns.Feed([CsvBytes], 12, MutationRuns.PerReader, csv =>
        {
            var alone = (csv.Seed & 1) == 0 ? InvitationCsv.Read(csv.Bytes) : InvitationCsv.Read(new MemoryStream(csv.Bytes));
            var joined = ImprovementJson.Read(WithoutInvitationsBytes, csv.Bytes, ImprovementJsonTests.Organization);

            AssertValueOrProblems(alone, csv.ToString());
            AssertValueOrProblems(joined, csv.ToString());
        });

    [Fact]
    public void Mutated_documents_joined_to_a_csv_never_throw() =>
        MutationRuns.Feed([WithoutInvitationsBytes], 13, MutationRuns.PerReader, document =>
            AssertValueOrProblems(ImprovementJson.Read(document.Bytes, CsvBytes, ImprovementJsonTests.Organization), document.ToString()));

    [Property(Arbitrary = new[] { typeof(MutationSeeds) }, MaxTest = 300, QuietOnSuccess = true)]
    public void Mutated_generated_documents_of_the_example_never_throw(MutationSeed seed)
    {
        var record = ImprovementRecordGenerators.Record(seed.Value);
        var bytes = Encoding.UTF8.GetBytes(ImprovementJson.WriteToString(record));
        var document = InterchangeGenerators.Mutate(bytes, new Random(seed.Value), seed.Value);

        AssertValueOrProblems(ImprovementJson.Read(document.Bytes, ImprovementRecordGenerators.Organization), document.ToString());
    }

    private static void AssertValueOrProblems<T>(Result<T> result, string shown)
        where T : class
    {
        Assert.True(result.IsSuccess != (result.Problems.Length > 0), shown);
        Assert.True(result.Problems.Length <= 101, shown);
        Assert.All(result.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message), shown));
    }
}
