using System.Buffers;
using System.Text;
using FsCheck.Xunit;
using InternalCustomer.Improvement;
using InternalCustomer.Interchange;
using InternalCustomer.Tests.Generators;

namespace InternalCustomer.Tests.Interchange;

/// <summary>Round trips of the improvement document and the invitations CSV.</summary>
public class ImprovementInterchangeTests
{
    [Property(Arbitrary = new[] { typeof(ImprovementRecordGenerators) }, MaxTest = 200)]
    public void A_record_written_as_json_reads_back_equal(ImprovementRecord record)
    {
        var organization = ImprovementRecordGenerators.Organization;
        var text = ImprovementJson.WriteToString(record);

        var read = ImprovementJson.Read(text, organization);

        Assert.True(read.IsSuccess, string.Join("\n", read.Problems));
        Assert.Equal(record, read.Value);
        Assert.Equal(text, ImprovementJson.WriteToString(read.Value!));
    }

    [Property(Arbitrary = new[] { typeof(ImprovementRecordGenerators) }, MaxTest = 100)]
    public void Every_entry_point_writes_and_reads_the_same_bytes(ImprovementRecord record)
    {
        var organization = ImprovementRecordGenerators.Organization;
        var text = ImprovementJson.WriteToString(record);
        var buffer = new ArrayBufferWriter<byte>();
        ImprovementJson.Write(record, buffer);
        using var stream = new MemoryStream();
        ImprovementJson.Write(record, stream);

        Assert.Equal(text, Encoding.UTF8.GetString(buffer.WrittenSpan));
        Assert.Equal(text, Encoding.UTF8.GetString(stream.ToArray()));
        stream.Position = 0;
        Assert.Equal(record, ImprovementJson.Read(stream, organization).Value);
        Assert.Equal(record, ImprovementJson.Read(buffer.WrittenSpan, organization).Value);
    }

    [Property(Arbitrary = new[] { typeof(ImprovementRecordGenerators) }, MaxTest = 200)]
    public void Invitations_written_as_csv_read_back_equal(ImprovementRecord record)
    {
        var csv = InvitationCsv.WriteToString(record.Campaigns);

        var read = InvitationCsv.Read(csv);

        Assert.True(read.IsSuccess, string.Join("\n", read.Problems));
        var expected = record.Campaigns.Where(c => !c.Invitations.IsEmpty).ToDictionary(c => c.Id, c => c.Invitations);
        Assert.Equal(expected.Keys.Order(), read.Value!.Keys);
        Assert.All(expected, e => Assert.Equal<Invitation>(e.Value, read.Value[e.Key]));
    }

    [Property(Arbitrary = new[] { typeof(ImprovementRecordGenerators) }, MaxTest = 200)]
    public void A_document_without_invitations_joined_to_its_csv_reads_back_equal(ImprovementRecord record)
    {
        var organization = ImprovementRecordGenerators.Organization;
        var json = ImprovementJson.WriteToString(record, includeInvitations: false);
        var csv = InvitationCsv.WriteToString(record.Campaigns);

        Assert.DoesNotContain("\"invitations\"", json, StringComparison.Ordinal);
        var read = ImprovementJson.Read(Encoding.UTF8.GetBytes(json), Encoding.UTF8.GetBytes(csv), organization);

        Assert.True(read.IsSuccess, string.Join("\n", read.Problems));
        Assert.Equal(record, read.Value);
    }

    [Fact]
    public void Invitations_csv_stream_entry_points_agree()
    {
        var record = ImprovementRecordGenerators.Record(7);
        using var stream = new MemoryStream();
        InvitationCsv.Write(record.Campaigns, stream);
        var text = InvitationCsv.WriteToString(record.Campaigns);

        Assert.Equal(text, Encoding.UTF8.GetString(stream.ToArray()));
        Assert.StartsWith("campaign,provider,consumer,invited\r\n", text, StringComparison.Ordinal);
        stream.Position = 0;
        Assert.Equal(InvitationCsv.Read(text).Value!.Count, InvitationCsv.Read(stream).Value!.Count);
    }

    [Fact]
    public void The_written_document_has_the_documented_shape()
    {
        var record = ImprovementRecordGenerators.Record(11);
        var text = ImprovementJson.WriteToString(ImprovementRecord.Empty);

        Assert.Equal("{\n  \"schemaVersion\": 1,\n  \"campaigns\": [],\n  \"meetings\": [],\n  \"actions\": []\n}", text.ReplaceLineEndings("\n"));
        Assert.NotNull(record);
    }
}
