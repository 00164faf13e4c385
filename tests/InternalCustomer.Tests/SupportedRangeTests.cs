using FsCheck.Xunit;
using InternalCustomer.Agreements;
using InternalCustomer.Feedback;
using InternalCustomer.Interchange;
using InternalCustomer.Tests.Generators;
using NodaTime;
using NodaTime.Text;

namespace InternalCustomer.Tests;

/// <summary>
/// The supported domain (issue 15, Deliver 1): the bounds as written in docs/robustness.md, the period rule worked by hand,
/// and the law that a value just inside a bound is accepted and one just outside is rejected, at a reader (a located
/// <see cref="ProblemKind.InvalidValue"/> problem that names the range) and at an entry point (an
/// <see cref="ArgumentOutOfRangeException"/> that names the range and the parameter).
/// </summary>
public sealed partial class SupportedRangeTests
{
    private static readonly ProblemLocation Request0 = ProblemLocation.Root.Property("requests").Element(0);
    private static readonly ProblemLocation Agreement0 = ProblemLocation.Root.Property("agreements").Element(0);

    [Fact]
    public void The_bounds_are_those_the_docs_state()
    {
        Assert.Equal(Instant.FromUtc(1900, 1, 1, 0, 0), SupportedRange.MinInstant);
        Assert.Equal(Instant.FromUtc(2201, 1, 1, 0, 0), SupportedRange.MaxInstant);
        Assert.Equal(new LocalDate(1900, 1, 1), SupportedRange.MinDate);
        Assert.Equal(new LocalDate(2200, 12, 31), SupportedRange.MaxDate);
        Assert.Equal(Duration.FromHours(876_600), SupportedRange.MaxDuration);
        Assert.Equal(Period.FromYears(100), SupportedRange.MaxPeriod);
        Assert.Equal(36_525, SupportedRange.MaxBusinessDays);
        Assert.Equal(Instant.FromUtc(9000, 1, 1, 0, 0), SupportedRange.ComputationLimit);
    }

    [Fact]
    public void The_instant_range_is_half_open_and_the_date_range_closed()
    {
        Assert.True(SupportedRange.Contains(Instant.FromUtc(1900, 1, 1, 0, 0)));
        Assert.False(SupportedRange.Contains(Instant.FromUtc(1900, 1, 1, 0, 0).PlusNanoseconds(-1)));
        Assert.True(SupportedRange.Contains(Instant.FromUtc(2201, 1, 1, 0, 0).PlusNanoseconds(-1)));
        Assert.False(SupportedRange.Contains(Instant.FromUtc(2201, 1, 1, 0, 0)));
        Assert.False(SupportedRange.Contains(Instant.MaxValue));
        Assert.False(SupportedRange.Contains(Instant.MinValue));

        Assert.True(SupportedRange.Contains(new LocalDate(1900, 1, 1)));
        Assert.True(SupportedRange.Contains(new LocalDate(2200, 12, 31)));
        Assert.False(SupportedRange.Contains(new LocalDate(1899, 12, 31)));
        Assert.False(SupportedRange.Contains(new LocalDate(2201, 1, 1)));
        Assert.False(SupportedRange.Contains(LocalDate.MaxIsoValue));

        // A Julian date is compared by the day it names: after 2200-02-29 (Julian) the calendars are 15 days apart, so Julian
        // 2200-12-16 is Gregorian 2200-12-31 and Julian 2200-12-17 is Gregorian 2201-01-01.
        Assert.True(SupportedRange.Contains(new LocalDate(2200, 12, 16, CalendarSystem.Julian)));
        Assert.False(SupportedRange.Contains(new LocalDate(2200, 12, 17, CalendarSystem.Julian)));
    }

    [Fact]
    public void Durations_up_to_100_years_either_way_are_supported()
    {
        Assert.True(SupportedRange.Contains(Duration.FromDays(36_525)));
        Assert.True(SupportedRange.Contains(-Duration.FromDays(36_525)));
        Assert.False(SupportedRange.Contains(Duration.FromDays(36_525) + Duration.Epsilon));
        Assert.False(SupportedRange.Contains(-Duration.FromDays(36_525) - Duration.Epsilon));
        Assert.False(SupportedRange.Contains(Duration.MaxValue));
        Assert.True(SupportedRange.Contains(Duration.Zero));
    }

    // months / 1200 + (weeks, days and time) / 36525 days <= 1, worked by hand for each row.
    [Theory]
    [InlineData("P100Y", true)]
    [InlineData("P1200M", true)]
    [InlineData("P36525D", true)]
    [InlineData("P5217W6D", true)]         // 36,525 days
    [InlineData("P50Y18262D", true)]       // 600/1200 + 18262/36525 = 0.5 + 0.49999 <= 1
    [InlineData("P50Y18262DT12H", true)]   // 18,262.5 days = exactly half of 36,525
    [InlineData("P50Y18262DT12H1S", false)]
    [InlineData("P50Y18263D", false)]
    [InlineData("P99Y11M30D", true)]       // 1199/1200 + 30/36525 = 0.999167 + 0.000821 <= 1
    [InlineData("P99Y11M31D", false)]      // 36525/1200 = 30.4375 days is one month's share
    [InlineData("P101Y", false)]
    [InlineData("P1201M", false)]
    [InlineData("P36526D", false)]
    [InlineData("PT876600H", true)]
    [InlineData("PT876600H1S", false)]
    [InlineData("P-100Y", true)]
    [InlineData("P-101Y", false)]
    [InlineData("P1000000Y", false)]
    [InlineData("P2147483647M", false)]
    public void A_period_is_measured_field_by_field_against_100_years(string text, bool supported)
    {
        var period = PeriodPattern.Roundtrip.Parse(text).Value;
        Assert.Equal(supported, SupportedRange.Contains(period));
    }

    // ---- The law at a reader and at an entry point, for each kind of value ----

    [Property(MaxTest = 300)]
    public void An_instant_inside_is_accepted_and_one_outside_rejected_by_the_reader_and_the_constructor(int seed, bool inside)
    {
        var instant = SupportedRangeGenerators.InstantNearABound(new Random(seed), inside);
        var text = InstantPattern.ExtendedIso.Format(instant);
        var read = ServiceRequestJson.Read($$"""{ "schemaVersion": 1, "requests": [ { "id": "R", "agreement": "a", "opened": "{{text}}" } ] }""");
        var agreement = AgreementId.Parse("a");
        if (inside)
        {
            Assert.True(read.IsSuccess, string.Join("\n", read.Problems));
            Assert.Equal(instant, Assert.Single(read.Value!).Opened);
            Assert.Equal(instant, new ServiceRequest("R", agreement, instant).Opened);
            Assert.Equal(instant, new FeedbackResponse(DepartmentId.Parse("a"), DepartmentId.Parse("b"), instant, RatingScale.FivePoint, 4).Instant);
        }
        else
        {
            var problem = Assert.Single(read.Problems);
            Assert.Equal((ProblemKind.InvalidValue, Request0.Property("opened")), (problem.Kind, problem.Location));
            Assert.Contains("from 1900-01-01T00:00:00Z (inclusive) to 2201-01-01T00:00:00Z (exclusive), the range the library supports", problem.Message);
            Assert.EndsWith($"got \"{text}\".", problem.Message);

            var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ServiceRequest("R", agreement, instant));
            Assert.Equal("opened", e.ParamName);
            Assert.StartsWith($"Expected an opening from 1900-01-01T00:00:00Z (inclusive) to 2201-01-01T00:00:00Z (exclusive), the range the library supports; got {text}.", e.Message);
            var r = Assert.Throws<ArgumentOutOfRangeException>(() => new FeedbackResponse(DepartmentId.Parse("a"), DepartmentId.Parse("b"), instant, RatingScale.FivePoint, 4));
            Assert.Equal("instant", r.ParamName);
        }
    }

    [Property(MaxTest = 300)]
    public void A_date_inside_is_accepted_and_one_outside_rejected_by_the_reader_and_the_constructor(int seed, bool inside)
    {
        var date = SupportedRangeGenerators.DateNearABound(new Random(seed), inside);
        var text = LocalDatePattern.Iso.Format(date);
        var read = OrganizationJson.Read(Document(effectiveFrom: text));
        if (inside)
        {
            Assert.True(read.IsSuccess, string.Join("\n", read.Problems));
            Assert.Equal(date, Assert.Single(read.Value!.Agreements).EffectiveFrom);
            Assert.Equal(date, Agreement(date, Period.FromMonths(3)).EffectiveFrom);
        }
        else
        {
            var problem = Assert.Single(read.Problems);
            Assert.Equal((ProblemKind.InvalidValue, Agreement0.Property("effectiveFrom")), (problem.Kind, problem.Location));
            Assert.Equal($"Expected an ISO-8601 date such as \"2026-01-01\" (from 1900-01-01 to 2200-12-31 (both inclusive), the range the library supports); got \"{text}\".", problem.Message);

            var e = Assert.Throws<ArgumentOutOfRangeException>(() => Agreement(date, Period.FromMonths(3)));
            Assert.Equal("effectiveFrom", e.ParamName);
            Assert.StartsWith($"Expected a first day in effect from 1900-01-01 to 2200-12-31 (both inclusive), the range the library supports; got {text}.", e.Message);
        }
    }

    [Property(MaxTest = 300)]
    public void A_duration_inside_is_accepted_and_one_outside_rejected_by_the_reader_and_the_constructor(int seed, bool inside)
    {
        var within = SupportedRangeGenerators.DurationNearTheBound(new Random(seed), inside);
        var text = NodaText.Format(within);
        var read = OrganizationJson.Read(Document(within: text));
        if (inside)
        {
            Assert.True(read.IsSuccess, string.Join("\n", read.Problems));
            Assert.Equal(within, Assert.Single(read.Value!.Agreements).FirstResponse!.Within);
            Assert.Equal(within, TimeObjective.FirstResponseWithin(within, 0.9).Within);
        }
        else
        {
            var problem = Assert.Single(read.Problems);
            Assert.Equal((ProblemKind.InvalidValue, Agreement0.Property("firstResponse").Property("within")), (problem.Kind, problem.Location));
            Assert.Contains("at most 876600 hours (36525 days, 100 years; PT876600H), the longest the library supports", problem.Message);
            Assert.EndsWith($"got \"{text}\".", problem.Message);

            var e = Assert.Throws<ArgumentOutOfRangeException>(() => TimeObjective.FirstResponseWithin(within, 0.9));
            Assert.Equal("within", e.ParamName);
            Assert.StartsWith("Expected an allowed business time of at most 36525 days (100 years; PT876600H), the longest the library supports; got", e.Message);
        }
    }

    [Property(MaxTest = 300)]
    public void A_cadence_inside_is_accepted_and_one_outside_rejected_by_the_reader_and_the_constructor(int seed, bool inside)
    {
        var cadence = SupportedRangeGenerators.PeriodNearTheBound(new Random(seed), inside);
        var text = PeriodPattern.Roundtrip.Format(cadence);
        var read = OrganizationJson.Read(Document(reviewCadence: text));
        var from = new LocalDate(2200, 12, 31);
        if (inside)
        {
            Assert.True(read.IsSuccess, string.Join("\n", read.Problems));
            Assert.Equal(cadence, Assert.Single(read.Value!.Agreements).ReviewCadence);
            var agreement = Agreement(from, cadence);

            // The next review from the last supported date stays far inside NodaTime: before 2301.
            Assert.True(agreement.NextReviewDue(from) < new LocalDate(2301, 1, 1));
        }
        else
        {
            var problem = Assert.Single(read.Problems);
            Assert.Equal((ProblemKind.InvalidValue, Agreement0.Property("reviewCadence")), (problem.Kind, problem.Location));
            Assert.StartsWith("Expected a review cadence of at most 100 years (P100Y, P1200M or P36525D;", problem.Message);
            Assert.EndsWith($"got {text}.", problem.Message);

            var e = Assert.Throws<ArgumentOutOfRangeException>(() => Agreement(from, cadence));
            Assert.Equal("reviewCadence", e.ParamName);
            Assert.Equal(problem.Message, e.Message[..problem.Message.Length]);
        }
    }

    /// <summary>The agreement of <see cref="Document"/>: first response within 4 business hours, or only the given resolution objective.</summary>
    [Theory]
    [InlineData(36_525, true)]
    [InlineData(36_526, false)]
    [InlineData(2_147_483_647, false)]
    public void Business_days_up_to_36525_are_accepted_by_the_reader_and_the_factory(int days, bool supported)
    {
        var read = OrganizationJson.Read(Document().Replace("\"within\": \"PT4H\"", $"\"withinBusinessDays\": {days}", StringComparison.Ordinal));
        if (supported)
        {
            Assert.True(read.IsSuccess, string.Join("\n", read.Problems));
            Assert.Equal(days, Assert.Single(read.Value!.Agreements).FirstResponse!.BusinessDays);
            Assert.Equal(days, TimeObjective.FirstResponseWithinBusinessDays(days, 0.9).BusinessDays);
            return;
        }

        var problem = Assert.Single(read.Problems);
        Assert.Equal((ProblemKind.InvalidValue, Agreement0.Property("firstResponse").Property("withinBusinessDays")), (problem.Kind, problem.Location));
        Assert.Equal($"Expected an allowance of at most 36525 business days, the most the library supports; got {days}.", problem.Message);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TimeObjective.FirstResponseWithinBusinessDays(days, 0.9));
        Assert.Equal("days", e.ParamName);
        Assert.StartsWith(problem.Message, e.Message, StringComparison.Ordinal);
    }

    private static ServiceAgreement Agreement(LocalDate effectiveFrom, Period cadence, TimeObjective? resolution = null) =>
        new(
            AgreementId.Parse("sla"),
            DepartmentId.Parse("a"),
            DepartmentId.Parse("b"),
            [ServiceId.Parse("s")],
            CalendarId.Parse("c"),
            effectiveFrom,
            null,
            cadence,
            resolution is null ? TimeObjective.FirstResponseWithin(Duration.FromHours(4), 0.9) : null,
            resolution);

    /// <summary>An organisation of two departments, one service, a Monday 09:00-17:00 calendar and one agreement.</summary>
    private static string Document(string effectiveFrom = "2026-01-01", string reviewCadence = "P3M", string within = "PT4H", string calendarWindow = "09:00-17:00") => $$"""
        {
          "schemaVersion": 1,
          "departments": [ { "id": "a", "name": "A" }, { "id": "b", "name": "B" } ],
          "services": [ { "id": "s", "name": "S", "provider": "a" } ],
          "calendars": [ { "id": "c", "zone": "Europe/Berlin", "windows": { "monday": ["{{calendarWindow}}"] } } ],
          "agreements": [
            {
              "id": "sla", "provider": "a", "consumer": "b", "services": ["s"], "calendar": "c", "effectiveFrom": "{{effectiveFrom}}", "reviewCadence": "{{reviewCadence}}",
              "firstResponse": { "within": "{{within}}", "target": 0.9 }
            }
          ]
        }
        """;
}
