using System.Text;
using InternalCustomer.Interchange;

namespace InternalCustomer.Tests.Interchange;

/// <summary>
/// Regression tests for issue 15, "What was found" 6: <c>Read(MemoryStream)</c> with <c>Position &gt; Length</c>
/// threw <see cref="ArgumentOutOfRangeException"/>. A stream positioned at or beyond its end now reads as no bytes,
/// exactly like an empty document, in every reader.
/// </summary>
public class StreamPositionTests
{
    private static readonly byte[] Document = Encoding.UTF8.GetBytes("id,agreement,opened\nR,a,2026-03-02T09:30:00Z\n");

    public static TheoryData<long> Positions => new() { Document.Length, Document.Length + 1, 1_000_000 };

    [Theory]
    [MemberData(nameof(Positions))]
    public void A_memory_stream_positioned_at_or_beyond_its_end_reads_as_an_empty_document(long position)
    {
        Assert.Equal(Describe(OrganizationJson.Read(string.Empty)), Describe(OrganizationJson.Read(At(position))));
        Assert.Equal(Describe(ServiceRequestJson.Read(string.Empty)), Describe(ServiceRequestJson.Read(At(position))));
        Assert.Equal(Describe(ServiceRequestCsv.Read(string.Empty)), Describe(ServiceRequestCsv.Read(At(position))));
        Assert.Equal(Describe(FeedbackResponseJson.Read(string.Empty, null)), Describe(FeedbackResponseJson.Read(At(position), null)));
        Assert.Equal(Describe(FeedbackResponseCsv.Read(string.Empty, null)), Describe(FeedbackResponseCsv.Read(At(position), null)));
    }

    [Fact]
    public void A_memory_stream_without_a_visible_buffer_positioned_beyond_its_end_reads_as_an_empty_document()
    {
        using var stream = new MemoryStream(Document, writable: false) { Position = Document.Length + 3 };
        Assert.Equal(Describe(ServiceRequestCsv.Read(string.Empty)), Describe(ServiceRequestCsv.Read(stream)));
    }

    [Fact]
    public void A_stream_positioned_beyond_its_end_is_left_at_its_end()
    {
        using var stream = At(Document.Length + 5);
        ServiceRequestCsv.Read(stream);
        Assert.Equal(Document.Length + 5, stream.Position);
    }

    [Fact]
    public void A_stream_positioned_inside_the_document_reads_from_there()
    {
        var header = "id,agreement,opened\n";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("ignored\n" + header + "R,a,2026-03-02T09:30:00Z\n"), 0, 8 + Document.Length, writable: false, publiclyVisible: true)
        {
            Position = 8,
        };
        var read = ServiceRequestCsv.Read(stream);
        Assert.True(read.IsSuccess, read.ToString());
        Assert.Equal("R", Assert.Single(read.Value!).Id);
    }

    private static MemoryStream At(long position) =>
        new(Document, 0, Document.Length, writable: false, publiclyVisible: true) { Position = position };

    private static string Describe<T>(Result<T> result)
        where T : class =>
        result.IsSuccess ? "success" : string.Join("\n", result.Problems.Select(p => $"{p.Kind} {p.Location} {p.Message}"));
}
