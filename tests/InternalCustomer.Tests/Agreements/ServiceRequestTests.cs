using InternalCustomer.Agreements;
using NodaTime;

namespace InternalCustomer.Tests.Agreements;

public class ServiceRequestTests
{
    private static readonly AgreementId Sla = AgreementId.Parse("it-payroll");
    private static readonly Instant Opened = Instant.FromUtc(2026, 3, 2, 9, 0);

    private static Instant At(int day, int hour, int minute = 0) => Instant.FromUtc(2026, 3, day, hour, minute);

    [Fact]
    public void Keeps_what_it_was_given()
    {
        var pause = new Interval(At(2, 10), At(2, 11));
        var reopen = new Interval(At(2, 12), At(3, 9));
        var r = new ServiceRequest("INC-1", Sla, Opened, At(2, 9, 30), At(3, 12), [pause], reopen);
        Assert.Equal("INC-1", r.Id);
        Assert.Equal(Sla, r.Agreement);
        Assert.Equal(Opened, r.Opened);
        Assert.Equal(At(2, 9, 30), r.FirstResponse);
        Assert.Equal(At(3, 12), r.Resolved);
        Assert.Equal([pause], r.Pauses.ToArray());
        Assert.Equal(reopen, r.Reopen);
        Assert.Equal(r, new ServiceRequest("INC-1", Sla, Opened, At(2, 9, 30), At(3, 12), [pause], reopen));
        Assert.NotEqual(r, new ServiceRequest("INC-1", Sla, Opened, At(2, 9, 30), At(3, 12), [], reopen));
    }

    [Fact]
    public void Describes_itself()
    {
        var r = new ServiceRequest("INC-1", Sla, Opened, resolved: At(2, 12), pauses: [new Interval(At(2, 10), At(2, 11))]);
        Assert.Equal("INC-1 (it-payroll, opened 2026-03-02T09:00:00Z, resolved 2026-03-02T12:00:00Z, 1 pause)", r.ToString());
    }

    [Fact]
    public void An_unresolved_request_may_have_an_ongoing_last_pause()
    {
        var r = new ServiceRequest("INC-2", Sla, Opened, pauses: [new Interval(At(2, 10), At(2, 11)), new Interval(At(2, 12), null)]);
        Assert.False(r.Pauses[1].HasEnd);
    }

    [Fact]
    public void Rejects_resolution_before_opening()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ServiceRequest("INC-1", Sla, Opened, resolved: At(2, 8)));
        Assert.Equal("resolved", ex.ParamName);
        Assert.StartsWith("Resolution must be at or after the opening (2026-03-02T09:00:00Z); got 2026-03-02T08:00:00Z.", ex.Message);
    }

    [Fact]
    public void Rejects_first_response_before_opening()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ServiceRequest("INC-1", Sla, Opened, firstResponse: At(2, 8, 59)));
        Assert.Equal("firstResponse", ex.ParamName);
        Assert.StartsWith("First response must be at or after the opening (2026-03-02T09:00:00Z); got 2026-03-02T08:59:00Z.", ex.Message);
    }

    [Fact]
    public void Rejects_first_response_after_resolution()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ServiceRequest("INC-1", Sla, Opened, At(2, 12), At(2, 11)));
        Assert.Equal("firstResponse", ex.ParamName);
        Assert.StartsWith("First response must be at or before the resolution (2026-03-02T11:00:00Z); got 2026-03-02T12:00:00Z.", ex.Message);
    }

    [Fact]
    public void Rejects_a_pause_before_opening()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ServiceRequest("INC-1", Sla, Opened, pauses: [new Interval(At(2, 8), At(2, 10))]));
        Assert.Equal("pauses", ex.ParamName);
        Assert.StartsWith("Pause 0 must lie inside the request's lifetime [2026-03-02T09:00:00Z, ...); got 2026-03-02T08:00:00Z/2026-03-02T10:00:00Z.", ex.Message);
    }

    [Fact]
    public void Rejects_a_pause_after_resolution()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ServiceRequest("INC-1", Sla, Opened, resolved: At(2, 12), pauses: [new Interval(At(2, 11), At(2, 13))]));
        Assert.Equal("pauses", ex.ParamName);
        Assert.StartsWith("Pause 0 must lie inside the request's lifetime [2026-03-02T09:00:00Z, 2026-03-02T12:00:00Z]; got 2026-03-02T11:00:00Z/2026-03-02T13:00:00Z.", ex.Message);
    }

    [Fact]
    public void Rejects_an_ongoing_pause_on_a_resolved_request()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ServiceRequest("INC-1", Sla, Opened, resolved: At(2, 12), pauses: [new Interval(At(2, 11), null)]));
        Assert.Equal("pauses", ex.ParamName);
        Assert.StartsWith("Pause 0 must lie inside the request's lifetime", ex.Message);
    }

    [Fact]
    public void Rejects_a_pause_without_start()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ServiceRequest("INC-1", Sla, Opened, pauses: [new Interval(null, At(2, 10))]));
        Assert.Equal("pauses", ex.ParamName);
        Assert.StartsWith("Pause 0 must have a start; got StartOfTime/2026-03-02T10:00:00Z.", ex.Message);
    }

    [Fact]
    public void Rejects_overlapping_or_unsorted_pauses()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ServiceRequest(
            "INC-1", Sla, Opened, pauses: [new Interval(At(2, 10), At(2, 12)), new Interval(At(2, 11), At(2, 13))]));
        Assert.Equal("pauses", ex.ParamName);
        Assert.StartsWith(
            "Pauses must be sorted and disjoint; pause 1 2026-03-02T11:00:00Z/2026-03-02T13:00:00Z starts before pause 0 2026-03-02T10:00:00Z/2026-03-02T12:00:00Z ends.",
            ex.Message);

        var unsorted = Assert.Throws<ArgumentException>(() => new ServiceRequest(
            "INC-1", Sla, Opened, pauses: [new Interval(At(2, 12), At(2, 13)), new Interval(At(2, 10), At(2, 11))]));
        Assert.Equal("pauses", unsorted.ParamName);
    }

    [Fact]
    public void Rejects_a_pause_overlapping_the_reopen_gap()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ServiceRequest(
            "INC-1", Sla, Opened, resolved: At(3, 12), pauses: [new Interval(At(2, 11), At(2, 13))], reopen: new Interval(At(2, 12), At(3, 9))));
        Assert.Equal("pauses", ex.ParamName);
        Assert.StartsWith("Pause 0 2026-03-02T11:00:00Z/2026-03-02T13:00:00Z overlaps the reopen gap 2026-03-02T12:00:00Z/2026-03-03T09:00:00Z.", ex.Message);
    }

    [Fact]
    public void Rejects_a_reopen_gap_outside_the_lifetime()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ServiceRequest("INC-1", Sla, Opened, resolved: At(3, 12), reopen: new Interval(At(2, 12), At(3, 13))));
        Assert.Equal("reopen", ex.ParamName);
        Assert.StartsWith("The reopen gap must lie inside the request's lifetime [2026-03-02T09:00:00Z, 2026-03-03T12:00:00Z]; got 2026-03-02T12:00:00Z/2026-03-03T13:00:00Z.", ex.Message);

        var open = Assert.Throws<ArgumentException>(() => new ServiceRequest("INC-1", Sla, Opened, reopen: new Interval(At(2, 12), null)));
        Assert.Equal("reopen", open.ParamName);
        Assert.StartsWith("The reopen gap must run from the first resolution to the reopening; got the open interval 2026-03-02T12:00:00Z/EndOfTime.", open.Message);
    }

    [Fact]
    public void Rejects_blank_id_and_default_agreement()
    {
        var id = Assert.Throws<ArgumentException>(() => new ServiceRequest(" ", Sla, Opened));
        Assert.Equal("id", id.ParamName);
        Assert.StartsWith("A request id must be non-blank text; got \" \".", id.Message);

        var nullId = Assert.Throws<ArgumentException>(() => new ServiceRequest(null!, Sla, Opened));
        Assert.Equal("id", nullId.ParamName);
        Assert.StartsWith("A request id must be non-blank text; got null.", nullId.Message);

        var agreement = Assert.Throws<ArgumentException>(() => new ServiceRequest("INC-1", default, Opened));
        Assert.Equal("agreement", agreement.ParamName);
        Assert.StartsWith("Expected a parsed AgreementId; got default(AgreementId).", agreement.Message);
    }

    [Fact]
    public void TryCreate_says_what_the_constructor_would_throw_for_at_the_part_at_fault()
    {
        var late = ServiceRequest.TryCreate("INC-1", Sla, Opened, resolved: At(2, 8));
        var problem = Assert.Single(late.Problems);
        Assert.False(late.IsSuccess);
        Assert.Equal(ProblemKind.InvalidValue, problem.Kind);
        Assert.Equal(ProblemLocation.Root.Property("resolved"), problem.Location);
        Assert.Equal($"Resolution must be at or after the opening ({Opened}); got {At(2, 8)}.", problem.Message);

        var overlapping = ServiceRequest.TryCreate(
            "INC-2", Sla, Opened, pauses: [new Interval(At(2, 10), At(2, 12)), new Interval(At(2, 11), At(2, 13))]);
        Assert.Equal("$.pauses[1]", Assert.Single(overlapping.Problems).Location.ToString());

        var blank = ServiceRequest.TryCreate(" ", Sla, Opened);
        Assert.Equal(ProblemKind.InvalidId, Assert.Single(blank.Problems).Kind);

        // The constructor throws the same message, naming the same parameter, without a second copy of the rule.
        var thrown = Assert.Throws<ArgumentException>(() => new ServiceRequest("INC-1", Sla, Opened, resolved: At(2, 8)));
        Assert.Equal("resolved", thrown.ParamName);
        Assert.StartsWith(problem.Message, thrown.Message, StringComparison.Ordinal);

        var fine = ServiceRequest.TryCreate("INC-3", Sla, Opened, At(2, 10), At(2, 12));
        Assert.True(fine.IsSuccess);
        Assert.Equal(new ServiceRequest("INC-3", Sla, Opened, At(2, 10), At(2, 12)), fine.Value);
    }
}
