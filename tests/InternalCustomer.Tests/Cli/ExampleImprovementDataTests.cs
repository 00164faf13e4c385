using InternalCustomer.Agreements;
using InternalCustomer.Feedback;
using InternalCustomer.Feedback.Statistics;
using InternalCustomer.Organizations;
using InternalCustomer.Scorecards;
using NodaTime;

namespace InternalCustomer.Tests.Cli;

/// <summary>
/// Issue 12's planted data in the built-in example, measured with the existing statistics by the rules of the improvement
/// loop's measured effect: windows of one review cadence of the pair's agreement, before = [started − cadence, started),
/// after = [completed, completed + cadence) cut at the as-of instant, dates read in the agreement calendar's zone; CSAT =
/// overall 4 or 5 of 5; on time = every decided time objective met at the as-of instant (a request counts only when at
/// least one is decided); the comparison group of the difference-in-differences is the provider's other relationships.
/// The as-of instant is the end of the data (<see cref="Scorecard.DataEnds"/>, as the tool uses it) and, where it could
/// matter, also the end of 2026-06-30 in Berlin; the tests without and with Yates' continuity correction (R's
/// <c>prop.test</c> default) agree.
/// Logistics' action for final assembly worked (every test below 0.01, its other lines flat); HR's action for the paint
/// shop cannot be told from noise (no test below 0.05) while the planted decline stays a finding; the quiet consumer sends
/// one response in its quarter where every other consumer sends at least five per provider.
/// </summary>
public class ExampleImprovementDataTests
{
    private static readonly Organization Organization = ExampleOrganization.Organization();
    private static readonly IReadOnlyList<ServiceRequest> Requests = ExampleOrganization.Requests(Organization);
    private static readonly IReadOnlyList<FeedbackResponse> Responses = ExampleOrganization.Responses(Organization);
    private static readonly Instant AsOf = Scorecard.DataEnds([.. Requests], [.. Responses])!.Value;

    /// <summary>The other natural as-of instant: the end of the last day of the data, 2026-06-30, in Berlin.</summary>
    private static readonly Instant EndOfJune = new LocalDate(2026, 7, 1).AtStartOfDayInZone(DateTimeZoneProviders.Tzdb["Europe/Berlin"]).ToInstant();

    [Fact]
    public void The_end_of_the_data_is_the_last_day_of_june_2026()
    {
        // The last review meeting is on Tuesday 2 June 2026; requests are opened until the end of June.
        Assert.Equal(new LocalDate(2026, 6, 2), Responses.Max(r => r.Instant).InUtc().Date);
        Assert.Equal(new YearMonth(2026, 6), Requests.Max(r => r.Opened).InUtc().Date.ToYearMonth());
        Assert.True(AsOf >= Requests.Max(r => r.Opened));
    }

    [Fact]
    public void Logistics_action_for_final_assembly_is_measured_on_quarterly_windows_of_mediocre_before_and_clearly_better_after()
    {
        var measure = Measure(ExampleOrganization.LogisticsAction, ExampleOrganization.LogisticsActionStarted, ExampleOrganization.LogisticsActionCompleted);

        // The agreement is reviewed quarterly: before = [2025-10-05, 2026-01-05), after = [2026-02-27, 2026-05-27), not cut.
        Assert.Equal(Period.FromMonths(3), measure.Cadence);
        Assert.Equal((new LocalDate(2025, 10, 5), new LocalDate(2026, 1, 5)), measure.BeforeDates);
        Assert.Equal((new LocalDate(2026, 2, 27), new LocalDate(2026, 5, 27)), measure.AfterDates);

        // Before: mediocre (CSAT at most a third, on time at most 60%); after: CSAT and on time at least 90%.
        Assert.InRange(measure.Csat.Proportion1!.Value, 0.0, 1.0 / 3);
        Assert.InRange(measure.OnTime.Proportion1!.Value, 0.0, 0.6);
        Assert.InRange(measure.Csat.Proportion2!.Value, 0.9, 1.0);
        Assert.InRange(measure.OnTime.Proportion2!.Value, 0.9, 1.0);
        Assert.True(measure.TreatedBefore.Scores.Length >= 6 && measure.TreatedAfter.Scores.Length >= 6);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Logistics_action_for_final_assembly_raised_csat_and_on_time_significantly_before_after(bool continuityCorrection, bool endOfJune)
    {
        var measure = Measure(ExampleOrganization.LogisticsAction, ExampleOrganization.LogisticsActionStarted, ExampleOrganization.LogisticsActionCompleted, continuityCorrection, endOfJune ? EndOfJune : AsOf);

        Assert.True(measure.Csat.Difference > 0 && measure.Csat.PValue < 0.01, $"CSAT: {measure.Csat}");
        Assert.True(measure.OnTime.Difference > 0 && measure.OnTime.PValue < 0.01, $"on time: {measure.OnTime}");
        Assert.True(measure.MeanScore.Difference > 0 && measure.MeanScore.PValue < 0.01, $"mean score: {measure.MeanScore}");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Logistics_action_for_final_assembly_raised_csat_and_on_time_against_its_other_lines(bool endOfJune)
    {
        var measure = Measure(ExampleOrganization.LogisticsAction, ExampleOrganization.LogisticsActionStarted, ExampleOrganization.LogisticsActionCompleted, asOf: endOfJune ? EndOfJune : AsOf);

        // The comparison group: logistics' five other lines.
        Assert.Equal(["body-shop", "dispatch", "end-of-line", "paint-shop", "press-shop"], measure.Controls);
        Assert.Equal(EstimateStatus.Estimated, measure.CsatDiD.Status);
        Assert.Equal(EstimateStatus.Estimated, measure.OnTimeDiD.Status);
        Assert.True(measure.CsatDiD.Estimate > 0 && measure.CsatDiD.PValue < 0.01, $"CSAT DiD: {measure.CsatDiD}");
        Assert.True(measure.OnTimeDiD.Estimate > 0 && measure.OnTimeDiD.PValue < 0.01, $"on-time DiD: {measure.OnTimeDiD}");
    }

    [Fact]
    public void Logistics_other_lines_stay_flat_over_the_same_windows()
    {
        var measure = Measure(ExampleOrganization.LogisticsAction, ExampleOrganization.LogisticsActionStarted, ExampleOrganization.LogisticsActionCompleted);

        // Pooled, and each line on its own: no before/after test below 0.05, and the pooled shares move by less than 0.15.
        var csat = Proportions(measure.ControlBefore.Satisfied, measure.ControlAfter.Satisfied, false);
        var onTime = Proportions(measure.ControlBefore.OnTime, measure.ControlAfter.OnTime, false);
        Assert.True(!(csat.PValue < 0.05) && Math.Abs(csat.Difference!.Value) < 0.15, $"controls' CSAT: {csat}");
        Assert.True(!(onTime.PValue < 0.05) && Math.Abs(onTime.Difference!.Value) < 0.15, $"controls' on time: {onTime}");
        foreach (var consumer in measure.Controls)
        {
            var line = Measure(("logistics", consumer), ExampleOrganization.LogisticsActionStarted, ExampleOrganization.LogisticsActionCompleted);
            Assert.False(line.Csat.PValue < 0.05, $"logistics → {consumer} CSAT: {line.Csat}");
            Assert.False(line.OnTime.PValue < 0.05, $"logistics → {consumer} on time: {line.OnTime}");
        }
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Hr_action_for_the_paint_shop_cannot_be_told_from_noise(bool continuityCorrection, bool endOfJune)
    {
        var measure = Measure(ExampleOrganization.HrAction, ExampleOrganization.HrActionStarted, ExampleOrganization.HrActionCompleted, continuityCorrection, endOfJune ? EndOfJune : AsOf);

        // Quarterly review: before = [2026-01-13, 2026-04-13), after = [2026-06-01, 2026-09-01) cut at the end of the data.
        Assert.Equal(Period.FromMonths(3), measure.Cadence);
        Assert.Equal((new LocalDate(2026, 1, 13), new LocalDate(2026, 4, 13)), measure.BeforeDates);
        Assert.Equal(new LocalDate(2026, 6, 1), measure.AfterDates.Start);
        Assert.True(measure.AfterCut);

        // The after window holds one review meeting: fewer responses than the default minimum of five.
        Assert.InRange(measure.TreatedAfter.Scores.Length, 1, 4);
        Assert.Equal(["assembly", "body-shop", "dispatch", "end-of-line", "press-shop"], measure.Controls);

        // No outcome, raw or against HR's other lines, is significant at 0.05 (a test that cannot be computed is not).
        Assert.False(measure.Csat.PValue < 0.05, $"CSAT: {measure.Csat}");
        Assert.False(measure.MeanScore.PValue < 0.05, $"mean score: {measure.MeanScore}");
        Assert.False(measure.OnTime.PValue < 0.05, $"on time: {measure.OnTime}");
        Assert.False(measure.CsatDiD.PValue < 0.05, $"CSAT DiD: {measure.CsatDiD}");
        Assert.False(measure.OnTimeDiD.PValue < 0.05, $"on-time DiD: {measure.OnTimeDiD}");
        Assert.NotEqual(EstimateStatus.NoData, measure.Csat.Status);
        Assert.NotEqual(EstimateStatus.NoData, measure.OnTime.Status);
    }

    [Fact]
    public void Hr_service_to_the_paint_shop_still_declines_significantly()
    {
        var card = Scorecard.Compute(Organization, [.. Requests], [.. Responses], new ScorecardOptions(AsOf));

        var trend = Assert.Single(card.Findings.OfType<DecliningSatisfaction>(), f => f.Provider.Value == "hr" && f.Consumer.Value == "paint-shop");
        Assert.True(trend.PValue < 0.05 && trend.SlopePer30Days < 0, trend.ToString());
    }

    [Fact]
    public void The_quiet_consumer_answers_once_in_its_quarter_while_every_other_consumer_answers_at_least_five_times_per_provider()
    {
        var quarter = ExampleOrganization.QuietQuarter;
        Assert.Equal((new LocalDate(2026, 4, 1), new LocalDate(2026, 6, 30)), (quarter.Start, quarter.End));
        var zone = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
        var inQuarter = Responses.Where(r => quarter.Contains(r.Instant.InZone(zone).Date)).ToList();

        var quiet = inQuarter.Where(r => r.Respondent.Value == ExampleOrganization.QuietConsumer).ToList();
        Assert.Single(quiet);

        // The quiet consumer is asked about three providers; every other pair with an agreement answers at least five times.
        var pairs = Organization.Agreements.Select(a => (Provider: a.Provider.Value, Consumer: a.Consumer.Value)).Distinct().ToList();
        Assert.Equal(3, pairs.Count(p => p.Consumer == ExampleOrganization.QuietConsumer));
        Assert.All(
            pairs.Where(p => p.Consumer != ExampleOrganization.QuietConsumer),
            p => Assert.True(inQuarter.Count(r => r.Subject.Value == p.Provider && r.Respondent.Value == p.Consumer) >= 5, $"{p.Provider} → {p.Consumer}"));

        // Outside the quarter the quiet consumer answers as everyone does: two ratings per provider per month.
        Assert.All(
            pairs.Where(p => p.Consumer == ExampleOrganization.QuietConsumer),
            p => Assert.Equal(18, Responses.Count(r => r.Subject.Value == p.Provider && r.Respondent.Value == p.Consumer && r.Instant.InZone(zone).Date < quarter.Start)));
    }

    [Fact]
    public void The_action_dates_are_in_the_data_and_in_order()
    {
        Assert.True(ExampleOrganization.LogisticsActionStarted < ExampleOrganization.LogisticsActionCompleted);
        Assert.True(ExampleOrganization.HrActionStarted < ExampleOrganization.HrActionCompleted);
        Assert.True(ExampleOrganization.HrActionCompleted <= new LocalDate(2026, 6, 30));
        Assert.Equal(IsoDayOfWeek.Monday, ExampleOrganization.LogisticsActionStarted.DayOfWeek);
    }

    /// <summary>Everything the loop measures for an action on one pair, by the design's rules.</summary>
    private static Measurement Measure((string Provider, string Consumer) pair, LocalDate started, LocalDate completed, bool continuityCorrection = false, Instant? asOf = null)
    {
        var end = asOf ?? AsOf;
        var agreements = Organization.Agreements.Where(a => (a.Provider.Value, a.Consumer.Value) == pair).ToList();
        var cadence = agreements.Select(a => a.ReviewCadence).MinBy(p => started.Plus(p))!;
        var zone = Organization.GetCalendar(agreements[0].Calendar).Zone;
        var before = new Interval(started.Minus(cadence).AtStartOfDayInZone(zone).ToInstant(), started.AtStartOfDayInZone(zone).ToInstant());
        var afterEnd = completed.Plus(cadence).AtStartOfDayInZone(zone).ToInstant();
        var after = new Interval(completed.AtStartOfDayInZone(zone).ToInstant(), afterEnd < end ? afterEnd : end);
        var controls = Organization.Agreements.Where(a => a.Provider.Value == pair.Provider && a.Consumer.Value != pair.Consumer)
            .Select(a => a.Consumer.Value).Distinct().Order(StringComparer.Ordinal).ToList();

        var treatedBefore = Collect(pair.Provider, [pair.Consumer], before, end);
        var treatedAfter = Collect(pair.Provider, [pair.Consumer], after, end);
        var controlBefore = Collect(pair.Provider, controls, before, end);
        var controlAfter = Collect(pair.Provider, controls, after, end);
        return new Measurement(
            cadence,
            (started.Minus(cadence), started),
            (completed, completed.Plus(cadence)),
            afterEnd > end,
            controls,
            treatedBefore,
            treatedAfter,
            controlBefore,
            controlAfter,
            Proportions(treatedBefore.Satisfied, treatedAfter.Satisfied, continuityCorrection),
            WelchTTest.Compute(treatedAfter.Scores, treatedBefore.Scores),
            Proportions(treatedBefore.OnTime, treatedAfter.OnTime, continuityCorrection),
            DifferenceInDifferences.Compute(treatedBefore.Satisfied, treatedAfter.Satisfied, controlBefore.Satisfied, controlAfter.Satisfied),
            DifferenceInDifferences.Compute(treatedBefore.OnTime, treatedAfter.OnTime, controlBefore.OnTime, controlAfter.OnTime));
    }

    /// <summary>The responses (scores and satisfied 0/1) of the consumers about the provider in the window, and the on-time
    /// 0/1 outcomes of the requests of their agreements opened in it, evaluated at <paramref name="asOf"/>.</summary>
    private static Outcomes Collect(string provider, IReadOnlyList<string> consumers, Interval window, Instant asOf)
    {
        var responses = Responses.Where(r => r.Subject.Value == provider && consumers.Contains(r.Respondent.Value) && window.Contains(r.Instant)).ToList();
        var onTime = new List<double>();
        foreach (var agreement in Organization.Agreements.Where(a => a.Provider.Value == provider && consumers.Contains(a.Consumer.Value)))
        {
            var timer = Organization.TimerFor(agreement.Id);
            foreach (var request in Requests.Where(r => r.Agreement == agreement.Id && window.Contains(r.Opened)))
            {
                var decided = new[] { ObjectiveKind.FirstResponse, ObjectiveKind.Resolution }
                    .Select(kind => timer.Evaluate(request, kind, asOf))
                    .Where(e => e.IsDecided)
                    .ToList();
                if (decided.Count > 0)
                {
                    onTime.Add(decided.All(e => e.State == SlaState.Met) ? 1 : 0);
                }
            }
        }

        return new Outcomes(
            [.. responses.Select(r => (double)r.Overall)],
            [.. responses.Select(r => r.Overall >= 4 ? 1.0 : 0.0)],
            [.. onTime]);
    }

    private static TwoProportionResult Proportions(double[] before, double[] after, bool continuityCorrection) =>
        TwoProportionTest.Compute((long)before.Sum(), before.Length, (long)after.Sum(), after.Length, continuityCorrection: continuityCorrection);

    private sealed record Outcomes(double[] Scores, double[] Satisfied, double[] OnTime);

    private sealed record Measurement(
        Period Cadence,
        (LocalDate Start, LocalDate End) BeforeDates,
        (LocalDate Start, LocalDate End) AfterDates,
        bool AfterCut,
        IReadOnlyList<string> Controls,
        Outcomes TreatedBefore,
        Outcomes TreatedAfter,
        Outcomes ControlBefore,
        Outcomes ControlAfter,
        TwoProportionResult Csat,
        WelchTTestResult MeanScore,
        TwoProportionResult OnTime,
        DifferenceInDifferencesResult CsatDiD,
        DifferenceInDifferencesResult OnTimeDiD);
}
