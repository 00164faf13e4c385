using InternalCustomer.Improvement;
using NodaTime;
using static InternalCustomer.Tests.Improvement.ImprovementEffectFixture;

namespace InternalCustomer.Tests.Improvement;

/// <summary>The review meeting's construction, its sorted lists and its value equality.</summary>
public class ReviewMeetingTests
{
    private static readonly LocalDate Day = new(2026, 3, 5);

    [Fact]
    public void Lists_are_stored_sorted_and_equality_is_by_value()
    {
        var meeting = new ReviewMeeting(
            MeetingId.Parse("m1"), Treated, Day, [Logistics, Assembly, Hr], "Quarterly review", [ActionId.Parse("b"), ActionId.Parse("a")], [AgreementId.Parse("log-asm")]);

        Assert.Equal(["assembly", "hr", "logistics"], meeting.Present.Select(d => d.Value));
        Assert.Equal(["a", "b"], meeting.ActionsAgreed.Select(a => a.Value));
        Assert.Equal("Quarterly review", meeting.Notes);
        Assert.Equal("Review meeting 'm1' of logistics → assembly on 2026-03-05", meeting.ToString());

        var same = new ReviewMeeting(
            MeetingId.Parse("m1"), Treated, Day, [Hr, Assembly, Logistics], "Quarterly review", [ActionId.Parse("a"), ActionId.Parse("b")], [AgreementId.Parse("log-asm")]);
        Assert.Equal(meeting, same);
        Assert.Equal(meeting.GetHashCode(), same.GetHashCode());
        Assert.NotEqual(meeting, new ReviewMeeting(MeetingId.Parse("m1"), Treated, Day, [Logistics]));

        var bare = new ReviewMeeting(MeetingId.Parse("m2"), Treated, Day, [Assembly]);
        Assert.Empty(bare.ActionsAgreed);
        Assert.Empty(bare.Agreements);
        Assert.Null(bare.Notes);
    }

    [Fact]
    public void Bad_input_names_the_parameter_and_says_what_was_expected()
    {
        var id = MeetingId.Parse("m1");
        AssertBad("id", "Expected a parsed MeetingId; got default(MeetingId).", () => new ReviewMeeting(default, Treated, Day, [Logistics]));
        AssertBad("relationship", "Expected a relationship between two different departments; got provider and consumer both 'logistics'.", () => new ReviewMeeting(id, new Relationship(Logistics, Logistics), Day, [Logistics]));
        AssertBad("relationship", "Expected a relationship of two parsed department ids; got ('logistics', default).", () => new ReviewMeeting(id, new Relationship(Logistics, default), Day, [Logistics]));
        AssertBad("present", "Expected at least one department present at meeting 'm1'; got none.", () => new ReviewMeeting(id, Treated, Day, []));
        AssertBad("present", "Expected the departments present without repeats; got 'hr' twice.", () => new ReviewMeeting(id, Treated, Day, [Hr, Logistics, Hr]));
        AssertBad("present", "Expected the departments present of parsed ids; got default(DepartmentId) at index 1.", () => new ReviewMeeting(id, Treated, Day, [Hr, default]));
        AssertBad("notes", "Notes must be null or non-blank text; got \" \".", () => new ReviewMeeting(id, Treated, Day, [Hr], " "));
        AssertBad("actionsAgreed", "Expected the actions agreed without repeats; got 'a' twice.", () => new ReviewMeeting(id, Treated, Day, [Hr], null, [ActionId.Parse("a"), ActionId.Parse("a")]));
        AssertBad("agreements", "Expected the agreements reviewed without repeats; got 'x' twice.", () => new ReviewMeeting(id, Treated, Day, [Hr], null, null, [AgreementId.Parse("x"), AgreementId.Parse("x")]));
        Assert.Equal("present", Assert.Throws<ArgumentNullException>(() => new ReviewMeeting(id, Treated, Day, null!)).ParamName);
    }

    private static void AssertBad(string parameter, string message, Func<object> create)
    {
        var e = Assert.Throws<ArgumentException>(create);
        Assert.Equal(parameter, e.ParamName);
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }
}
