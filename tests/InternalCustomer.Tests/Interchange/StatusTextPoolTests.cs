using System.Text;
using InternalCustomer.Agreements;
using InternalCustomer.Interchange;

namespace InternalCustomer.Tests.Interchange;

// The readers keep one string per distinct status text of a document (a million requests hold a handful of status strings,
// and the SLA timer recognises each by reference after the first request), whole or streamed. Nothing else may change:
// the texts are equal to what was written.
public class StatusTextPoolTests
{
    private const string Json = """
        {
          "schemaVersion": 1,
          "requests": [
            { "id": "R1", "agreement": "a", "statusLog": [
              { "at": "2026-03-02T09:00:00Z", "status": "New" },
              { "at": "2026-03-02T10:00:00Z", "status": "In Progress" },
              { "at": "2026-03-02T11:00:00Z", "status": "Resolved" } ] },
            { "id": "R2", "agreement": "a", "statusLog": [
              { "at": "2026-03-02T09:30:00Z", "status": "New" },
              { "at": "2026-03-02T12:00:00Z", "status": "Resolved" },
              { "at": "2026-03-02T13:00:00Z", "status": "In Progress" },
              { "at": "2026-03-02T14:00:00Z", "status": "Resolved" } ] }
          ]
        }
        """;

    private static void AssertOneInstancePerText(IEnumerable<ServiceRequest> requests)
    {
        var statuses = requests.SelectMany(r => r.StatusLog).Select(c => c.Status).ToList();
        Assert.Equal(["New", "In Progress", "Resolved", "New", "Resolved", "In Progress", "Resolved"], statuses);
        foreach (var group in statuses.GroupBy(s => s, StringComparer.Ordinal))
        {
            var first = group.First();
            Assert.All(group, s => Assert.Same(first, s));
        }
    }

    [Fact]
    public void A_json_document_holds_one_string_per_status_text()
    {
        var read = ServiceRequestJson.Read(Json);
        Assert.True(read.IsSuccess, string.Join("; ", read.Problems));
        AssertOneInstancePerText(read.Value!);
    }

    [Fact]
    public async Task A_streamed_json_document_holds_one_string_per_status_text()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Json));
        var requests = new List<ServiceRequest>();
        await foreach (var record in ServiceRequestJson.ReadRecordsAsync(stream))
        {
            Assert.Empty(record.Problems);
            requests.Add(record.Record!);
        }

        AssertOneInstancePerText(requests);
    }

    [Fact]
    public void A_csv_status_change_document_holds_one_string_per_status_text()
    {
        const string csv = """
            id,agreement,at,status
            R1,a,2026-03-02T09:00:00Z,New
            R2,a,2026-03-02T09:30:00Z,New
            R1,a,2026-03-02T10:00:00Z,In Progress
            R1,a,2026-03-02T11:00:00Z,Resolved
            R2,a,2026-03-02T12:00:00Z,Resolved
            R2,a,2026-03-02T13:00:00Z,In Progress
            R2,a,2026-03-02T14:00:00Z,Resolved
            """;
        var read = ServiceRequestCsv.Read(csv);
        Assert.True(read.IsSuccess, string.Join("; ", read.Problems));
        AssertOneInstancePerText(read.Value!.OrderBy(r => r.Id, StringComparer.Ordinal));
    }
}
