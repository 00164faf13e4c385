using InternalCustomer.Agreements;
using InternalCustomer.Calendars;
using InternalCustomer.Feedback;
using InternalCustomer.Interchange;
using InternalCustomer.Scorecards;
using InternalCustomer.Tests.Cli;
using NodaTime;

namespace InternalCustomer.Tests;

/// <content>
/// Regression tests for issue 15, "What was found" 3 ("Accepted, then crashing a later command"), each built from the input the
/// issue names: what a reader accepted and a later computation could not handle is now refused where it comes in. (Stdout on a
/// full disk and <c>validate /dev/zero</c>, the other two inputs of that finding, are held by
/// <c>Cli/SafeOutputTests.Stdout_on_dev_full_exits_1_with_one_line</c>, <c>…Dev_zero_is_read_only_up_to_the_limit</c> and
/// <c>…Validate_dev_zero_with_the_default_limit_ends_with_one_line</c>.)
/// </content>
public sealed partial class SupportedRangeTests
{
    private static readonly Instant LastInstant = Instant.FromUtc(2201, 1, 1, 0, 0).PlusNanoseconds(-1);

    // The issue's cadences were read, and Scorecard.FeedbackOverdue then threw from LocalDate.Plus.
    [Theory]
    [InlineData("P1000000Y")]
    [InlineData("P2147483647M")]
    public void A_review_cadence_past_100_years_is_a_problem_at_read_time(string cadence)
    {
        var problem = Assert.Single(OrganizationJson.Read(Document(reviewCadence: cadence)).Problems);

        Assert.Equal((ProblemKind.InvalidValue, Agreement0.Property("reviewCadence")), (problem.Kind, problem.Location));
        Assert.Equal(
            "Expected a review cadence of at most 100 years (P100Y, P1200M or P36525D; years and months count against 1200 months, weeks, days and time against 36525 days), "
                + $"the longest the library supports; got {cadence}.",
            problem.Message);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Agreement(new LocalDate(2026, 1, 1), NodaTime.Text.PeriodPattern.Roundtrip.Parse(cadence).Value));
        Assert.Equal("reviewCadence", e.ParamName);
    }

    [Fact]
    public void The_longest_cadence_from_the_last_date_gives_a_scorecard_with_its_review_and_feedback_overdue()
    {
        var organization = OrganizationJson.Read(Document(effectiveFrom: "2200-12-31", reviewCadence: "P100Y")).GetValueOrThrow();

        var scorecard = Scorecard.Compute(organization, [], [], new ScorecardOptions(LastInstant));

        // Nothing is due before 2300-12-31, so nothing is overdue; what matters is that the computation ran.
        Assert.Equal(LastInstant, scorecard.AsOf);
        Assert.Equal(new LocalDate(2300, 12, 31), Assert.Single(organization.Agreements).NextReviewDue(new LocalDate(2200, 12, 31)));
    }

    // A request or response at 9999-12-31T23:59:59.999999999Z was read, and the scorecard then threw from AsOf + Duration.Epsilon.
    [Fact]
    public void A_request_or_response_at_the_last_instant_nodatime_holds_is_a_problem_in_every_reader()
    {
        const string Last = "9999-12-31T23:59:59.999999999Z";
        const string Expected =
            "Expected an instant such as 2026-03-02T09:30:00Z or 2026-03-02T10:30:00+01:00 (in UTC from 1900-01-01T00:00:00Z (inclusive) to 2201-01-01T00:00:00Z (exclusive), "
            + "the range the library supports); got \"9999-12-31T23:59:59.999999999Z\".";
        var read = new (Problem Problem, ProblemLocation At)[]
        {
            (Assert.Single(ServiceRequestJson.Read($$"""{ "schemaVersion": 1, "requests": [ { "id": "R", "agreement": "a", "opened": "{{Last}}" } ] }""").Problems), Request0.Property("opened")),
            (Assert.Single(ServiceRequestCsv.Read($"id,agreement,opened\nR,a,{Last}\n").Problems), ProblemLocation.InText(2, 5).Property("opened")),
            (Assert.Single(FeedbackResponseJson.Read($$"""{ "schemaVersion": 1, "responses": [ { "respondent": "a", "subject": "b", "instant": "{{Last}}", "overall": 3 } ] }""", null).Problems),
                ProblemLocation.Root.Property("responses").Element(0).Property("instant")),
            (Assert.Single(FeedbackResponseCsv.Read($"respondent,subject,instant,overall\na,b,{Last},3\n", null).Problems), ProblemLocation.InText(2, 5).Property("instant")),
        };

        Assert.All(read, r => Assert.Equal((ProblemKind.InvalidValue, r.At, Expected), (r.Problem.Kind, r.Problem.Location, r.Problem.Message)));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ServiceRequest("R", AgreementId.Parse("sla"), Instant.MaxValue));
        Assert.Equal("opened", e.ParamName);
        Assert.StartsWith("Expected an opening from 1900-01-01T00:00:00Z (inclusive) to 2201-01-01T00:00:00Z (exclusive), the range the library supports; got 9999-12-31T23:59:59.999999999Z.", e.Message);
    }

    [Fact]
    public void A_request_and_a_response_at_the_last_supported_instant_give_a_scorecard_as_of_it()
    {
        var organization = OrganizationJson.Read(Document()).GetValueOrThrow();
        var request = new ServiceRequest("R", AgreementId.Parse("sla"), LastInstant);
        var response = new FeedbackResponse(DepartmentId.Parse("b"), DepartmentId.Parse("a"), LastInstant, RatingScale.FivePoint, 5, agreement: AgreementId.Parse("sla"));

        var scorecard = Scorecard.Compute(organization, [request], [response], new ScorecardOptions(LastInstant));

        Assert.Equal(LastInstant, scorecard.AsOf);

        // Opened on the last nanosecond of 2200, in Berlin (UTC+1 in winter) Thursday 2201-01-01 00:59: the 4 business hours run on
        // Monday 2201-01-05 09:00-13:00 Berlin time, so the deadline is 12:00Z, past the supported instants and far before the limit.
        var timer = new SlaTimer(Assert.Single(organization.Agreements), organization.Calendars[CalendarId.Parse("c")]);
        var evaluation = timer.Evaluate(request, ObjectiveKind.FirstResponse, LastInstant);
        Assert.Equal(SlaState.InProgress, evaluation.State);
        Assert.Equal(Instant.FromUtc(2201, 1, 5, 12, 0), evaluation.Deadline);
    }

    [Fact]
    public void As_of_9999_12_31_is_a_usage_error_that_names_the_range()
    {
        var (code, output, error) = Tool.Run("sla", "--as-of", "9999-12-31");

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal(
            ["error: --as-of: expected a date from 1900-01-01 to 2200-12-30 (the end of the day must lie before 2201-01-01T00:00:00Z, where the range the library supports ends); got \"9999-12-31\"."],
            Tool.Lines(error));
        Assert.Equal(1, Tool.Run("sla", "--as-of", "2200-12-31").Code);
        Assert.Equal(1, Tool.Run("sla", "--as-of", "1899-12-31").Code);
    }

    [Fact]
    public void As_of_the_last_date_allowed_judges_the_example()
    {
        var (code, output, error) = Tool.Run("sla", "--as-of", "2200-12-30");

        Assert.Equal(string.Empty, error);
        Assert.Equal(0, code);
        Assert.NotEqual(string.Empty, output);
    }

    // A calendar with one nanosecond of work a week: AddBusinessTime threw out of the SLA timer for a request whose deadline lay
    // past NodaTime's end. Decided: such an agreement is refused where it is accepted (the organisation's builder, as a located
    // problem; the SlaTimer constructor, as an ArgumentException), because the calendar does not work the objective's allowed time
    // between the end of the supported range and the computation limit.
    [Fact]
    public void A_calendar_with_one_nanosecond_of_work_a_week_is_a_problem_for_a_four_hour_objective()
    {
        var problem = Assert.Single(OrganizationJson.Read(Document(calendarWindow: "09:00-09:00:00.000000001")).Problems);

        Assert.Equal((ProblemKind.InvalidValue, Agreement0.Property("firstResponse")), (problem.Kind, problem.Location));
        Assert.StartsWith(
            "Expected a calendar that works an objective's allowed time after the supported range, between 2201-01-01T00:00:00Z and 8999-12-30T00:00:00Z, "
                + "so that every request's deadline lies before 9000-01-01T00:00:00Z; got ",
            problem.Message);

        // From Thursday 2201-01-01 to Monday 8999-12-30 (2,483,282 days, worked out with Python's datetime) lie 354,754 Mondays,
        // each working 1 ns at 09:00 Berlin time (the last Monday's 09:00 is after the stretch's end at 00:00Z).
        Assert.EndsWith(
            "which works 0:00:00:00.000354754 there (days:hours:minutes:seconds), less than the 0:04:00:00 that the objective FirstResponse within 0:04:00:00 for 90% of requests needs.",
            problem.Message);

        var calendar = TinyCalendar();
        var e = Assert.Throws<ArgumentException>(() => new SlaTimer(Agreement(new LocalDate(2026, 1, 1), Period.FromMonths(3)), calendar));
        Assert.Equal("calendar", e.ParamName);
        Assert.StartsWith("Expected a calendar that works an objective's allowed time after the supported range", e.Message);
    }

    [Fact]
    public void A_calendar_with_one_nanosecond_of_work_a_week_times_an_objective_it_can_reach_to_a_defined_deadline()
    {
        // 354,754 ns of work between 2201-01-01 and 8999-12-30: an objective of 354,754 ns is accepted, one of 354,755 is not.
        var accepted = OrganizationJson.Read(Document(within: "PT0.000354754S", calendarWindow: "09:00-09:00:00.000000001"));
        Assert.True(accepted.IsSuccess, string.Join("\n", accepted.Problems));
        Assert.False(OrganizationJson.Read(Document(within: "PT0.000354755S", calendarWindow: "09:00-09:00:00.000000001")).IsSuccess);

        var organization = accepted.GetValueOrThrow();
        var timer = new SlaTimer(Assert.Single(organization.Agreements), organization.Calendars[CalendarId.Parse("c")]);
        var request = new ServiceRequest("R", AgreementId.Parse("sla"), LastInstant);
        var evaluation = timer.Evaluate(request, ObjectiveKind.FirstResponse, LastInstant);

        Assert.Equal(SlaState.InProgress, evaluation.State);
        Assert.True(evaluation.Deadline < SupportedRange.ComputationLimit);
        Assert.Equal(Duration.FromNanoseconds(354_754), organization.Calendars[CalendarId.Parse("c")].BusinessTime(LastInstant, evaluation.Deadline));
    }

    [Fact]
    public void Business_days_on_a_calendar_that_works_a_nanosecond_a_week_are_a_problem()
    {
        var calendar = TinyCalendar();
        var agreement = Agreement(new LocalDate(2026, 1, 1), Period.FromMonths(3), TimeObjective.ResolutionWithinBusinessDays(1, 0.9));

        var e = Assert.Throws<ArgumentException>(() => new SlaTimer(agreement, calendar));

        Assert.Equal("calendar", e.ParamName);
        Assert.Contains("that the objective Resolution within 1 business day for 90% of requests needs (25 hours for each of its 1 business day and one day more).", e.Message);
        Assert.Contains("less than the 2:02:00:00 that", e.Message);
    }

    private static BusinessCalendar TinyCalendar() =>
        BusinessCalendar.Create(
            "Europe/Berlin",
            new Dictionary<IsoDayOfWeek, IReadOnlyList<WorkingWindow>> { [IsoDayOfWeek.Monday] = [new(new LocalTime(9, 0), LocalTime.FromNanosecondsSinceMidnight(32_400_000_000_001L))] },
            []);
}
