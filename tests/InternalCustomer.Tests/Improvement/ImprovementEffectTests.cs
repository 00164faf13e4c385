using System.Collections.Immutable;
using InternalCustomer.Agreements;
using InternalCustomer.Feedback;
using InternalCustomer.Improvement;
using FsCheck.Xunit;
using NodaTime;
using static InternalCustomer.Tests.Improvement.ImprovementEffectFixture;

namespace InternalCustomer.Tests.Improvement;

/// <summary>The measured effect of an action: every statistic against R, the verdict rule and the caveats.</summary>
public class ImprovementEffectTests
{
    private const int Statistic = 9; // 1e-9
    private const int PValue = 6; // 1e-6

    private static ActionEffect MeasureExample(EffectOptions? options = null) =>
        ImprovementEffect.Measure(Organization(), Action(), Requests(), Responses(), options ?? new EffectOptions(AsOf));

    [Fact]
    public void Every_statistic_of_the_example_agrees_with_R()
    {
        var effect = MeasureExample();

        // R: tb <- c(3,4,2,5,3,4,2,3,4,3); ta <- c(5,4,4,5,3,5,4,4,5,4,2,5)  (satisfied = 4 or 5: 4/10 before, 10/12 after)
        // R: p <- prop.test(c(4, 10), c(10, 12), correct = FALSE); p$statistic; p$p.value
        Assert.Equal((4L, 10L, 10L, 12L), (effect.Csat.Successes1, effect.Csat.Trials1, effect.Csat.Successes2, effect.Csat.Trials2));
        Assert.Equal(4.4261904761904747, effect.Csat.ChiSquare!.Value, Statistic);
        Assert.Equal(0.035391416429758224, effect.Csat.PValue!.Value, PValue);
        Assert.Equal((10.0 / 12) - 0.4, effect.Csat.Difference!.Value, Statistic);

        // R (Newcombe from the Wilson limits): a <- prop.test(4, 10, correct = FALSE)$conf.int; b <- prop.test(10, 12, correct = FALSE)$conf.int;
        //   d <- 10/12 - 0.4; c(d - sqrt((10/12 - b[1])^2 + (a[2] - 0.4)^2), d + sqrt((b[2] - 10/12)^2 + (0.4 - a[1])^2))
        Assert.Equal(0.031186378655076119, effect.Csat.Interval!.Value.Lower, Statistic);
        Assert.Equal(0.694233341954680117, effect.Csat.Interval!.Value.Upper, Statistic);

        // R: t <- t.test(ta, tb); t$statistic; t$parameter; t$p.value; t$conf.int; t$estimate
        Assert.Equal(2.1451072580444217, effect.MeanScore.T!.Value, Statistic);
        Assert.Equal(19.202857899198086, effect.MeanScore.DegreesOfFreedom!.Value, Statistic);
        Assert.Equal(0.044939927060853327, effect.MeanScore.PValue!.Value, PValue);
        Assert.Equal(0.021646879076295041, effect.MeanScore.Interval!.Value.Lower, Statistic);
        Assert.Equal(1.711686454257039358, effect.MeanScore.Interval!.Value.Upper, Statistic);
        Assert.Equal(4.1666666666666670, effect.MeanScore.MeanX!.Value, Statistic);
        Assert.Equal(3.2999999999999998, effect.MeanScore.MeanY!.Value, Statistic);

        // On time: 5 of 8 before, 9 of 10 after. R: ot <- prop.test(c(5, 9), c(8, 10), correct = FALSE); ot$statistic; ot$p.value
        Assert.Equal((5L, 8L, 9L, 10L), (effect.OnTime.Successes1, effect.OnTime.Trials1, effect.OnTime.Successes2, effect.OnTime.Trials2));
        Assert.Equal(1.9446428571428573, effect.OnTime.ChiSquare!.Value, Statistic);
        Assert.Equal(0.16316530543754268, effect.OnTime.PValue!.Value, PValue);

        // R (Newcombe as above): newc(5, 8, 9, 10)
        Assert.Equal(-0.11129701396000552, effect.OnTime.Interval!.Value.Lower, Statistic);
        Assert.Equal(0.60465092898347850, effect.OnTime.Interval!.Value.Upper, Statistic);

        // Satisfied 0/1 against the control logistics → paint (5/8 before, 6/9 after):
        // R: cb <- c(4,3,5,4,2,4,3,5); ca <- c(4,4,3,5,2,4,5,3,4); s <- function(x) as.numeric(x >= 4)
        //    y <- c(s(tb), s(ta), s(cb), s(ca)); treated <- rep(c(1, 0), c(22, 17)); after <- c(rep(0, 10), rep(1, 12), rep(0, 8), rep(1, 9))
        //    f <- lm(y ~ treated * after); summary(f)$coefficients["treated:after", ]; confint(f)["treated:after", ]
        var csatDid = effect.CsatDifferenceInDifferences!;
        Assert.Equal(0.39166666666666700, csatDid.Estimate!.Value, Statistic);
        Assert.Equal(0.30850274196340916, csatDid.StandardError!.Value, Statistic);
        Assert.Equal(1.26957272461818738, csatDid.T!.Value, Statistic);
        Assert.Equal(0.21261377082298041, csatDid.PValue!.Value, PValue);
        Assert.Equal(-0.23462719568021956, csatDid.Interval!.Value.Lower, Statistic);
        Assert.Equal(1.01796052901355361, csatDid.Interval!.Value.Upper, Statistic);

        // The overall scores against the same control (a drift the controls share moves no verdict):
        // R: y <- c(tb, ta, cb, ca); f <- lm(y ~ treated * after); summary(f)$coefficients["treated:after", ]; confint(f)["treated:after", ]
        var meanDid = effect.MeanScoreDifferenceInDifferences!;
        Assert.Equal(0.83888888888889035, meanDid.Estimate!.Value, Statistic);
        Assert.Equal(0.62717276647854059, meanDid.StandardError!.Value, Statistic);
        Assert.Equal(1.33757225078361852, meanDid.T!.Value, Statistic);
        Assert.Equal(0.18966332822348123, meanDid.PValue!.Value, PValue);
        Assert.Equal(35, meanDid.DegreesOfFreedom);
        Assert.Equal(-0.43433951672189552, meanDid.Interval!.Value.Lower, Statistic);
        Assert.Equal(2.11211729449967622, meanDid.Interval!.Value.Upper, Statistic);

        // On-time 0/1 against the control (4/6 before and after):
        // R: y2 <- c(rep(1,5),rep(0,3), rep(1,9),rep(0,1), rep(1,4),rep(0,2), rep(1,4),rep(0,2)); tr2 <- rep(c(1, 0), c(18, 12))
        //    af2 <- c(rep(0,8), rep(1,10), rep(0,6), rep(1,6)); f2 <- lm(y2 ~ tr2 * af2); summary(f2)$coefficients["tr2:af2", ]; confint(f2)["tr2:af2", ]
        var onTimeDid = effect.OnTimeDifferenceInDifferences!;
        Assert.Equal(0.27499999999999913, onTimeDid.Estimate!.Value, Statistic);
        Assert.Equal(0.34184251259725340, onTimeDid.StandardError!.Value, Statistic);
        Assert.Equal(0.80446401446854066, onTimeDid.T!.Value, Statistic);
        Assert.Equal(0.42842404893745456, onTimeDid.PValue!.Value, PValue);
        Assert.Equal(-0.42766734802330231, onTimeDid.Interval!.Value.Lower, Statistic);
        Assert.Equal(0.97766734802330058, onTimeDid.Interval!.Value.Upper, Statistic);

        // Minimum detectable effects from the smaller window. R: power.prop.test(n = 10, p1 = 0.4, power = 0.8, tol = 1e-14)$p2 - 0.4
        Assert.Equal(0.5523366273628818, effect.MinimumDetectableCsatIncrease!.Value, Statistic);

        // R: power.prop.test(n = 8, p1 = 5/8, power = 0.8) — "No p2 in [p1, 1] can be found to achieve the desired power".
        Assert.Null(effect.MinimumDetectableOnTimeIncrease);

        // The mean: R: s <- sqrt((9 * var(tb) + 11 * var(ta)) / 20)  (0.94251436770657948)
        //              power.t.test(n = 10, sd = s, power = 0.8, sig.level = 0.05, tol = 1e-14)$delta
        Assert.Equal(1.248783370454239, effect.MinimumDetectableMeanIncrease!.Value, Statistic);

        // CSAT, on-time and mean score judged by their DiD (p 0.21, 0.43, 0.19: none significant), although Welch alone
        // (p 0.045, up) would have called the raw rise of the mean an improvement: no detectable change.
        Assert.Equal(EffectVerdict.NoDetectableChange, effect.Verdict);
        // Each outcome judged by its difference-in-differences (the R values above), none significant.
        Assert.Equal([EffectOutcome.Csat, EffectOutcome.OnTime, EffectOutcome.MeanScore], effect.Judgements.Select(j => j.Outcome));
        Assert.All(effect.Judgements, j => Assert.True(j.AgainstControls));
        Assert.All(effect.Judgements, j => Assert.Equal(0, j.Direction));
        Assert.Equal(0.39166666666666700, effect.Judgements[0].Estimate!.Value, Statistic);
        Assert.Equal(0.21261377082298041, effect.Judgements[0].PValue!.Value, PValue);
        Assert.Equal(0.42842404893745456, effect.Judgements[1].PValue!.Value, PValue);
        Assert.Equal(0.83888888888889035, effect.Judgements[2].Estimate!.Value, Statistic);
        Assert.Equal(0.18966332822348123, effect.Judgements[2].PValue!.Value, PValue);
        var raw = ImprovementEffect.Measure(Organization(), Action(), Requests(), Responses(), new EffectOptions(AsOf) { Controls = [] });
        Assert.Equal(EffectVerdict.Improved, raw.Verdict);
        // Without controls the before/after tests decide: CSAT (prop.test p 0.035, up) and the mean (Welch p 0.045, up)
        // are significant, on time (p 0.16) is not.
        Assert.All(raw.Judgements, j => Assert.False(j.AgainstControls));
        Assert.Equal([1, 0, 1], raw.Judgements.Select(j => j.Direction));
        Assert.Equal(raw.Csat.PValue, raw.Judgements[0].PValue);
        Assert.Equal(raw.MeanScore.PValue, raw.Judgements[2].PValue);
        Assert.Equal(Control, Assert.Single(effect.Controls));
        Assert.Equal(EffectCaveats.None, effect.Caveats);
        Assert.Equal("Effect of action 'a1': NoDetectableChange", effect.ToString());
        Assert.Equal(effect, MeasureExample());
    }

    [Property(MaxTest = 40)]
    public bool The_effect_does_not_depend_on_the_order_of_the_requests_and_responses(int seed)
    {
        var random = new Random(seed);
        var requests = Requests();
        var responses = Responses();
        random.Shuffle(requests);
        random.Shuffle(responses);
        return ImprovementEffect.Measure(Organization(), Action(), requests, responses, new EffectOptions(AsOf)).Equals(MeasureExample());
    }

    [Fact]
    public void The_default_windows_are_one_review_cadence_before_the_start_and_after_the_completion_in_the_agreement_s_zone()
    {
        var effect = MeasureExample();

        // log-asm (monthly, Europe/Berlin) is the shortest cadence and the first agreement of the pair: March before,
        // 10 April – 9 May after, Berlin midnights (CET before 29 March, CEST after).
        Assert.Equal(new Interval(Instant.FromUtc(2026, 2, 28, 23, 0), Instant.FromUtc(2026, 3, 31, 22, 0)), effect.Before);
        Assert.Equal(new Interval(Instant.FromUtc(2026, 4, 9, 22, 0), Instant.FromUtc(2026, 5, 9, 22, 0)), effect.After);
    }

    [Fact]
    public void A_pair_without_agreement_takes_three_months_in_UTC_and_an_explicit_window_length_overrides_the_cadence()
    {
        var hr = Action(relationship: new Relationship(Hr, Assembly));
        var effect = ImprovementEffect.Measure(Organization(), hr, [], [], new EffectOptions(AsOf));
        Assert.Equal(new Interval(Instant.FromUtc(2026, 1, 1, 0, 0), Instant.FromUtc(2026, 4, 1, 0, 0)), effect.Before);
        Assert.Equal(new Interval(Instant.FromUtc(2026, 4, 10, 0, 0), Instant.FromUtc(2026, 6, 1, 0, 0)), effect.After);

        // hr has no other relationship: no controls. Nothing at all in the windows: no test, no verdict either way.
        Assert.Empty(effect.Controls);
        Assert.Null(effect.CsatDifferenceInDifferences);
        Assert.Equal(EstimateStatus.NoData, effect.Csat.Status);
        Assert.Equal(EffectVerdict.NoDetectableChange, effect.Verdict);
        // The after window, 10 April – 9 July, is cut at AsOf (1 June).
        Assert.Equal(EffectCaveats.NoControls | EffectCaveats.FewResponses | EffectCaveats.AfterWindowCut, effect.Caveats);

        var weeks = MeasureExample(new EffectOptions(AsOf) { Window = Period.FromWeeks(2) });
        Assert.Equal(new Interval(Instant.FromUtc(2026, 3, 17, 23, 0), Instant.FromUtc(2026, 3, 31, 22, 0)), weeks.Before);
        Assert.Equal(new Interval(Instant.FromUtc(2026, 4, 9, 22, 0), Instant.FromUtc(2026, 4, 23, 22, 0)), weeks.After);
    }

    [Fact]
    public void The_after_window_is_cut_at_AsOf_with_a_caveat()
    {
        var asOf = Instant.FromUtc(2026, 4, 18, 0, 0);
        var effect = MeasureExample(new EffectOptions(asOf));

        Assert.Equal(new Interval(Instant.FromUtc(2026, 4, 9, 22, 0), asOf), effect.After);
        Assert.True(effect.Caveats.HasFlag(EffectCaveats.AfterWindowCut));

        // Responses of 12–17 April only: 6 after, of which 5 satisfied (5,4,4,5,3,5).
        Assert.Equal((6L, 5L), (effect.Csat.Trials2, effect.Csat.Successes2));
        Assert.False(MeasureExample().Caveats.HasFlag(EffectCaveats.AfterWindowCut));
    }

    [Fact]
    public void Explicit_windows_replace_the_derived_ones_even_for_an_action_still_in_progress()
    {
        var running = Action(status: ImprovementStatus.InProgress);
        var options = new EffectOptions(AsOf)
        {
            Before = new Interval(March(2, 0), March(7, 0)), // 2–6 March: treated 3,4,2,5,3
            After = new Interval(April(12, 0), April(15, 0)), // 12–14 April: treated 5,4,4
        };

        var effect = ImprovementEffect.Measure(Organization(), running, Requests(), Responses(), options);

        Assert.Equal(options.Before, effect.Before);
        Assert.Equal(options.After, effect.After);
        Assert.Equal((2L, 5L, 3L, 3L), (effect.Csat.Successes1, effect.Csat.Trials1, effect.Csat.Successes2, effect.Csat.Trials2));
        Assert.True(effect.Caveats.HasFlag(EffectCaveats.FewResponses));

        var e = Assert.Throws<ArgumentException>(() => ImprovementEffect.Measure(Organization(), running, [], [], new EffectOptions(AsOf)));
        Assert.Equal("action", e.ParamName);
        Assert.StartsWith(
            "Action 'a1' is InProgress with no completion date, so it has no after window; expected a completed action, or Before and After in the options.",
            e.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Overlapping_or_reversed_windows_are_refused_with_a_message_naming_the_action()
    {
        var overlap = new EffectOptions(AsOf) { Before = new Interval(March(1), April(12)), After = new Interval(April(10), April(20)) };
        var e = Assert.Throws<ArgumentException>(() => MeasureExample(overlap));
        Assert.Equal("options", e.ParamName);
        Assert.StartsWith(
            $"Action 'a1': expected a before window that ends by the time the after window starts; got before {overlap.Before} and after {overlap.After}, which overlap.",
            e.Message,
            StringComparison.Ordinal);

        var reversed = new EffectOptions(AsOf) { Before = new Interval(April(20), April(25)), After = new Interval(April(10), April(15)) };
        var r = Assert.Throws<ArgumentException>(() => MeasureExample(reversed));
        Assert.Contains("Action 'a1'", r.Message, StringComparison.Ordinal);
        Assert.Contains("which comes after the after window", r.Message, StringComparison.Ordinal);

        var alone = Assert.Throws<ArgumentException>(() => MeasureExample(new EffectOptions(AsOf) { Before = new Interval(March(1), March(5)) }));
        Assert.Equal("options", alone.ParamName);
        Assert.StartsWith("Expected Before and After together; got Before without After.", alone.Message, StringComparison.Ordinal);

        // Windows that merely touch are fine.
        var touching = MeasureExample(new EffectOptions(AsOf) { Before = new Interval(March(1), April(10)), After = new Interval(April(10), April(20)) });
        Assert.Equal(April(10), touching.After.Start);
    }

    [Fact]
    public void An_after_window_that_has_not_begun_by_AsOf_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => MeasureExample(new EffectOptions(Instant.FromUtc(2026, 4, 9, 22, 0))));
        Assert.Equal("options", e.ParamName);
        Assert.StartsWith(
            "Action 'a1': expected an after window that starts before AsOf (2026-04-09T22:00:00Z); got one starting at 2026-04-09T22:00:00Z, so there is nothing to measure yet.",
            e.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_significant_deterioration_beats_a_significant_gain()
    {
        // No controls, so the raw tests decide. CSAT 2/10 → 10/10 (R: prop.test(c(2, 10), c(10, 10), correct = FALSE)$p.value
        // = 0.00026072963285531705, up); on time 10/10 → 0/10 (R: prop.test(c(10, 0), c(10, 10), correct = FALSE)$p.value
        // = 7.7442164310440858e-06, down).
        var (requests, responses) = Scenario(csatBefore: (2, 10), csatAfter: (10, 10), onTimeBefore: (10, 10), onTimeAfter: (0, 10));
        var effect = ImprovementEffect.Measure(Organization(), Action(), requests, responses, new EffectOptions(AsOf) { Controls = [] });

        Assert.Equal(0.00026072963285531705, effect.Csat.PValue!.Value, PValue);
        Assert.Equal(7.7442164310440858e-06, effect.OnTime.PValue!.Value, PValue);
        Assert.Equal(EffectVerdict.Worse, effect.Verdict);
        Assert.Equal(EffectCaveats.NoControls, effect.Caveats);
        Assert.Null(effect.CsatDifferenceInDifferences);

        // Without the deterioration the same gain is an improvement.
        var (requests2, responses2) = Scenario(csatBefore: (2, 10), csatAfter: (10, 10), onTimeBefore: (10, 10), onTimeAfter: (10, 10));
        Assert.Equal(EffectVerdict.Improved, ImprovementEffect.Measure(Organization(), Action(), requests2, responses2, new EffectOptions(AsOf) { Controls = [] }).Verdict);
    }

    [Fact]
    public void No_detectable_change_reports_the_minimum_effect_the_data_could_have_detected()
    {
        // CSAT 10/20 → 11/20: R: prop.test(c(10, 11), c(20, 20), correct = FALSE)$p.value = 0.7515290794442091.
        // Scores 5 (satisfied) or 1, so the mean rises by 0.2 only: not significant either.
        var (requests, responses) = Scenario(csatBefore: (10, 20), csatAfter: (11, 20), onTimeBefore: (0, 0), onTimeAfter: (0, 0));
        var effect = ImprovementEffect.Measure(Organization(), Action(), requests, responses, new EffectOptions(AsOf) { Controls = [] });

        Assert.Equal(0.7515290794442091, effect.Csat.PValue!.Value, PValue);
        Assert.Equal(EffectVerdict.NoDetectableChange, effect.Verdict);

        // R: power.prop.test(n = 20, p1 = 0.5, power = 0.8, tol = 1e-14)$p2 - 0.5
        Assert.Equal(0.39505601224684528, effect.MinimumDetectableCsatIncrease!.Value, Statistic);
        Assert.Null(effect.MinimumDetectableOnTimeIncrease); // no requests
        Assert.Equal(EstimateStatus.NoData, effect.OnTime.Status);
    }

    [Fact]
    public void A_raw_gain_that_the_controls_share_is_not_an_improvement()
    {
        // Treated CSAT 4/20 → 16/20: R: prop.test(c(4, 16), c(20, 20), correct = FALSE)$p.value = 0.00014780231033445406.
        // The control drifted alike, 8/40 → 32/40:
        // R: y <- c(rep(1,4),rep(0,16), rep(1,16),rep(0,4), rep(1,8),rep(0,32), rep(1,32),rep(0,8)); tr <- rep(c(1, 0), c(40, 80))
        //    af <- c(rep(0,20), rep(1,20), rep(0,40), rep(1,40)); summary(lm(y ~ tr * af))$coefficients["tr:af", ]
        //    Estimate ≈ 0 (1.98e-15), Std. Error 0.15756771943166717, Pr(>|t|) 0.99999999999999001
        // The treated scores are 5 (satisfied) and 3 before, 4 and 1 after: equal means 3.4, R: t.test(ta, tb)$p.value = 1;
        // the control's alike (5 and 3 before, 4 and 1 after: 3.4 and 3.4), so the scores' DiD is 0 too.
        var treated = Ratings(Assembly, 4, 16, satisfied: 5, unsatisfied: 3, inMarch: true).Concat(Ratings(Assembly, 16, 4, satisfied: 4, unsatisfied: 1, inMarch: false));
        var control = Ratings(Paint, 8, 32, satisfied: 5, unsatisfied: 3, inMarch: true).Concat(Ratings(Paint, 32, 8, satisfied: 4, unsatisfied: 1, inMarch: false));
        var responses = treated.Concat(control).ToArray();

        var effect = ImprovementEffect.Measure(Organization(), Action(), [], responses, new EffectOptions(AsOf));

        Assert.Equal(0.00014780231033445406, effect.Csat.PValue!.Value, PValue);
        var did = effect.CsatDifferenceInDifferences!;
        Assert.Equal(0.0, did.Estimate!.Value, Statistic);
        Assert.Equal(0.15756771943166717, did.StandardError!.Value, Statistic);
        Assert.Equal(0.99999999999999001, did.PValue!.Value, PValue);
        Assert.Equal(1.0, effect.MeanScore.PValue!.Value, PValue);
        Assert.Equal(0.0, effect.MeanScoreDifferenceInDifferences!.Estimate!.Value, Statistic);
        Assert.NotEqual(EffectVerdict.Improved, effect.Verdict);
        Assert.Equal(EffectVerdict.NoDetectableChange, effect.Verdict);

        // Judged on the raw test alone (no controls) it would have passed for an improvement.
        Assert.Equal(EffectVerdict.Improved, ImprovementEffect.Measure(Organization(), Action(), [], responses, new EffectOptions(AsOf) { Controls = [] }).Verdict);
    }

    [Fact]
    public void Another_action_on_the_relationship_during_a_window_is_a_caveat()
    {
        var organization = Organization();
        var during = new ImprovementAction(ActionId.Parse("a0"), Treated, Logistics, "Relabel bays", new LocalDate(2026, 3, 20), ImprovementStatus.Completed, new LocalDate(2026, 3, 25));
        var running = new ImprovementAction(ActionId.Parse("a2"), Treated, Logistics, "New route", new LocalDate(2026, 5, 1), ImprovementStatus.InProgress);
        var between = new ImprovementAction(ActionId.Parse("a3"), Treated, Logistics, "Audit", new LocalDate(2026, 4, 2), ImprovementStatus.Completed, new LocalDate(2026, 4, 8));
        var elsewhere = new ImprovementAction(ActionId.Parse("a4"), Control, Logistics, "Paint route", new LocalDate(2026, 3, 1), ImprovementStatus.InProgress);
        var options = new EffectOptions(AsOf);

        ActionEffect Measured(params ImprovementAction[] others) =>
            ImprovementEffect.Measure(organization, ImprovementRecord.Create(organization, [], [], [Action(), .. others]), ActionId.Parse("a1"), Requests(), Responses(), options);

        Assert.True(Measured(during).Caveats.HasFlag(EffectCaveats.OverlappingAction)); // in the before window
        Assert.True(Measured(running).Caveats.HasFlag(EffectCaveats.OverlappingAction)); // from 1 May, in the after window
        Assert.False(Measured(between).Caveats.HasFlag(EffectCaveats.OverlappingAction)); // 2–8 April: between the windows
        Assert.False(Measured(elsewhere).Caveats.HasFlag(EffectCaveats.OverlappingAction)); // another relationship
        Assert.Equal(MeasureExample(), Measured(between));

        var unknown = Assert.Throws<ArgumentException>(() => ImprovementEffect.Measure(
            organization, ImprovementRecord.Empty, ActionId.Parse("a1"), [], [], options));
        Assert.Equal("action", unknown.ParamName);
        Assert.StartsWith("Expected an action of the record; got 'a1', which is not one.", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Explicit_controls_replace_the_provider_s_other_relationships()
    {
        // hr → assembly (a dependency, no agreement) as the only control: it has no responses or requests, so no DiD test.
        var effect = MeasureExample(new EffectOptions(AsOf) { Controls = [new Relationship(Hr, Assembly)] });
        Assert.Equal(new Relationship(Hr, Assembly), Assert.Single(effect.Controls));
        Assert.Equal(EstimateStatus.NotEnoughData, effect.CsatDifferenceInDifferences!.Status);
        Assert.True(effect.Caveats.HasFlag(EffectCaveats.NoControls));

        // The raw tests decide then: CSAT p 0.035 (up), on time p 0.16, mean p 0.045 (up): improved.
        Assert.Equal(EffectVerdict.Improved, effect.Verdict);
    }

    [Theory]
    [InlineData("self", "Expected control relationships other than the action's; got logistics → assembly at Controls[0].")]
    [InlineData("twice", "Expected each control relationship once; got logistics → paint again at Controls[1].")]
    [InlineData("stranger", "Control lab → assembly at Controls[0] is on lab → assembly, a relationship that does not exist: no agreement and no declared dependency between them.")]
    [InlineData("ghost", "Control ghost → assembly at Controls[0] names provider 'ghost', which is not a department of this organization.")]
    public void Bad_controls_are_refused(string which, string expected)
    {
        ImmutableArray<Relationship> controls = which switch
        {
            "self" => [Treated],
            "twice" => [Control, Control],
            "stranger" => [new Relationship(Lab, Assembly)],
            _ => [new Relationship(Id("ghost"), Assembly)],
        };

        var e = Assert.Throws<ArgumentException>(() => MeasureExample(new EffectOptions(AsOf) { Controls = controls }));
        Assert.Equal("options", e.ParamName);
        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_action_on_a_relationship_that_does_not_exist_cannot_be_measured()
    {
        var e = Assert.Throws<ArgumentException>(() => ImprovementEffect.Measure(Organization(), Action(relationship: new Relationship(Lab, Assembly)), [], [], new EffectOptions(AsOf)));
        Assert.Equal("action", e.ParamName);
        Assert.StartsWith(
            "Action 'a1' is on lab → assembly, a relationship that does not exist: no agreement and no declared dependency between them.",
            e.Message,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Significance", "Significance must be in (0, 1); got 0.")]
    [InlineData("Power", "Power must be in (0, 1); got 1.")]
    [InlineData("Level", "Level must be in (0, 1); got 1.5.")]
    [InlineData("CsatTopBoxes", "CsatTopBoxes must be at least 1; got 0.")]
    [InlineData("MinimumResponses", "MinimumResponses must be at least 1; got 0.")]
    [InlineData("Window", "Window must be a positive period of years, months, weeks and days; got P-1M.")]
    [InlineData("HourWindow", "Window must be a positive period of years, months, weeks and days; got PT12H.")]
    [InlineData("TopBoxesOfScale", "CsatTopBoxes must be at most the 5 points of the 1–5 scale of responses[0]; got 6.")]
    public void Settings_are_checked(string setting, string expected)
    {
        var asOf = new EffectOptions(AsOf);
        var options = setting switch
        {
            "Significance" => asOf with { Significance = 0 },
            "Power" => asOf with { Power = 1 },
            "Level" => asOf with { Level = 1.5 },
            "CsatTopBoxes" => asOf with { CsatTopBoxes = 0 },
            "MinimumResponses" => asOf with { MinimumResponses = 0 },
            "Window" => asOf with { Window = Period.FromMonths(-1) },
            "HourWindow" => asOf with { Window = Period.FromHours(12) },
            _ => asOf with { CsatTopBoxes = 6 },
        };

        var e = Assert.ThrowsAny<ArgumentException>(() => MeasureExample(options));
        Assert.Equal("options", e.ParamName);
        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_entries_and_mixed_scales_are_refused_with_their_index()
    {
        var nullResponse = Assert.Throws<ArgumentException>(() => ImprovementEffect.Measure(Organization(), Action(), [], [null!], new EffectOptions(AsOf)));
        Assert.Equal("responses", nullResponse.ParamName);
        Assert.StartsWith("Expected a response at every index; got null at responses[0].", nullResponse.Message, StringComparison.Ordinal);

        var nullRequest = Assert.Throws<ArgumentException>(() => ImprovementEffect.Measure(Organization(), Action(), [null!], [], new EffectOptions(AsOf)));
        Assert.Equal("requests", nullRequest.ParamName);

        FeedbackResponse[] mixed = [new(Assembly, Logistics, March(2), RatingScale.FivePoint, 4), new(Assembly, Logistics, April(12), RatingScale.SevenPoint, 6)];
        var scales = Assert.Throws<ArgumentException>(() => ImprovementEffect.Measure(Organization(), Action(), [], mixed, new EffectOptions(AsOf)));
        Assert.Equal("responses", scales.ParamName);
        Assert.StartsWith(
            "Expected the responses of logistics → assembly in the windows on one scale, to compare mean scores; got 1–5 at responses[0] and 1–7 at responses[1].",
            scales.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_request_counts_only_once_a_time_objective_is_decided_and_is_on_time_only_if_every_decided_one_was_met()
    {
        // log-asm-2 (forklifts, 8 h, same pair) counts as the pair's too. A request still open at AsOf within its 8 h is undecided.
        var forklifts = AgreementId.Parse("log-asm-2");
        ServiceRequest[] requests =
        [
            new("f-met", forklifts, March(3, 9), resolved: March(3, 16)), // 7 h of 8: on time
            new("f-late", forklifts, March(4, 9), resolved: March(4, 18)), // 9 h: late
            new("f-open", forklifts, April(20, 9)), // open at AsOf 20 April 12:00 (3 h): undecided, not counted
        ];
        var effect = ImprovementEffect.Measure(Organization(), Action(), requests, [], new EffectOptions(April(20, 12)));

        Assert.Equal((1L, 2L, 0L, 0L), (effect.OnTime.Successes1, effect.OnTime.Trials1, effect.OnTime.Successes2, effect.OnTime.Trials2));
        Assert.Equal(EstimateStatus.NotEnoughData, effect.OnTime.Status);
    }

    // Responses and requests of the treated pair only: successes/trials per window, satisfied = 5, not = 1; on time = resolved in 1 h, late = 6 h.
    private static (ServiceRequest[] Requests, FeedbackResponse[] Responses) Scenario(
        (int Satisfied, int Count) csatBefore, (int Satisfied, int Count) csatAfter, (int OnTime, int Count) onTimeBefore, (int OnTime, int Count) onTimeAfter)
    {
        var responses = Ratings(Assembly, csatBefore.Satisfied, csatBefore.Count - csatBefore.Satisfied, 5, 1, inMarch: true)
            .Concat(Ratings(Assembly, csatAfter.Satisfied, csatAfter.Count - csatAfter.Satisfied, 5, 1, inMarch: false))
            .ToArray();
        var asm = AgreementId.Parse("log-asm");
        var requests = Enumerable.Range(0, onTimeBefore.Count)
            .Select(i => new ServiceRequest($"b{i}", asm, March(2 + i, 9), resolved: March(2 + i, i < onTimeBefore.OnTime ? 10 : 15)))
            .Concat(Enumerable.Range(0, onTimeAfter.Count).Select(i => new ServiceRequest($"a{i}", asm, April(12 + i, 9), resolved: April(12 + i, i < onTimeAfter.OnTime ? 10 : 15))))
            .ToArray();
        return (requests, responses);
    }

    // Ratings of logistics by a consumer, spread over the days of March (from the 2nd) or April (from the 12th), every 4 hours.
    private static IEnumerable<FeedbackResponse> Ratings(DepartmentId consumer, int satisfiedCount, int unsatisfiedCount, int satisfied, int unsatisfied, bool inMarch)
    {
        Func<int, int, Instant> month = inMarch ? March : April;
        var first = inMarch ? 2 : 12;
        return Enumerable.Range(0, satisfiedCount + unsatisfiedCount).Select(i =>
            new FeedbackResponse(consumer, Logistics, month(first + (i / 6), 4 * (i % 6)), RatingScale.FivePoint, i < satisfiedCount ? satisfied : unsatisfied));
    }
}
