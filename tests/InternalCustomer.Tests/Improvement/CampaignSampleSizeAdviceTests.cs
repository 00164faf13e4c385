using InternalCustomer.Feedback;
using InternalCustomer.Improvement;
using NodaTime;
using Close = InternalCustomer.Tests.Feedback.Close;

namespace InternalCustomer.Tests.Improvement;

// SampleSizeAdvice and CampaignSummary.Advise. The reference values are R's (4.x), with, for the Wilson numbers:
//   h  <- function(n, p, z) z*sqrt(p*(1-p)/n + z^2/(4*n^2))/(1+z^2/n)        # Wilson half-width
//   wn <- function(m, p, z) min(which(sapply(1:100000, h, p=p, z=z) <= m))  # smallest n with h <= m
// and z <- qnorm(0.975) (level 0.95) or qnorm(0.95) (level 0.9).
public sealed class CampaignSampleSizeAdviceTests
{
    private static readonly Relationship ItFin = new(DepartmentId.Parse("it"), DepartmentId.Parse("fin"));

    [Fact]
    public void Advice_from_the_observed_csat_matches_R()
    {
        // 12 responses, 9 satisfied: CSAT 0.75; ±0.1 at 95 %, and a change of 0.15 (to 0.9) with power 0.8.
        var a = SampleSizeAdvice.Create(ItFin, 12, 9, margin: 0.1, change: 0.15);

        Assert.Equal(0.75, a.ObservedCsat);
        Assert.Equal(0.75, a.AssumedCsat);
        Assert.Equal(0.9, a.ComparedCsat, 15);
        Close.Equal(0.22168183326975544, a.MarginNow); // h(12, 0.75, qnorm(0.975))
        Assert.Equal(70, a.ResponsesForMargin); // wn(0.1, 0.75, qnorm(0.975))
        Assert.Equal(58, a.MarginShortfall); // 70 - 12
        Close.Equal(99.540159196116946, a.ResponsesPerWindowForChange); // power.prop.test(p1=0.75, p2=0.9, power=0.8, tol=1e-14)$n
        Assert.Equal(88, a.ChangeShortfall); // 100 - 12
        Assert.Equal("it → fin: 12 responses; ±0.1 needs 70 (58 short); a change of 0.15 needs 99.5 per window (88 short)", a.ToString());
    }

    [Fact]
    public void Without_responses_the_advice_assumes_a_csat_of_one_half()
    {
        var a = SampleSizeAdvice.Create(ItFin, 0, 0, margin: 0.1, change: 0.15);

        Assert.Null(a.ObservedCsat);
        Assert.Null(a.MarginNow);
        Assert.Equal(0.5, a.AssumedCsat);
        Assert.Equal(93, a.ResponsesForMargin); // wn(0.1, 0.5, qnorm(0.975))
        Assert.Equal(93, a.MarginShortfall);
        Close.Equal(169.31137141966894, a.ResponsesPerWindowForChange); // power.prop.test(p1=0.5, p2=0.65, power=0.8, tol=1e-14)$n
        Assert.Equal(170, a.ChangeShortfall);

        Assert.Equal(381, SampleSizeAdvice.Create(ItFin, 0, 0, margin: 0.05, change: 0.15).ResponsesForMargin); // wn(0.05, 0.5, qnorm(0.975))
    }

    [Fact]
    public void A_change_that_would_pass_one_is_looked_for_downwards()
    {
        // 9 of 10 satisfied: 0.9 + 0.15 passes 1, so the advice is for a drop to 0.75.
        var a = SampleSizeAdvice.Create(ItFin, 10, 9, margin: 0.1, change: 0.15);

        Assert.Equal(0.75, a.ComparedCsat, 15);
        Close.Equal(0.1931369068500827, a.MarginNow); // h(10, 0.9, qnorm(0.975))
        Assert.Equal(37, a.ResponsesForMargin); // wn(0.1, 0.9, qnorm(0.975))
        Close.Equal(99.540159196116946, a.ResponsesPerWindowForChange); // power.prop.test(p1=0.9, p2=0.75, power=0.8, tol=1e-14)$n

        // All 4 satisfied: CSAT 1, compared with 0.9.
        var all = SampleSizeAdvice.Create(ItFin, 4, 4, margin: 0.1, change: 0.1);
        Close.Equal(0.24494541822729859, all.MarginNow); // h(4, 1, qnorm(0.975))
        Assert.Equal(16, all.ResponsesForMargin); // wn(0.1, 1, qnorm(0.975))
        Close.Equal(73.374273046698036, all.ResponsesPerWindowForChange); // power.prop.test(p1=1, p2=0.9, power=0.8, tol=1e-14)$n
    }

    [Fact]
    public void Level_power_and_significance_are_passed_on()
    {
        // 8 of 40 satisfied: CSAT 0.2.
        var a = SampleSizeAdvice.Create(ItFin, 40, 8, margin: 0.05, change: 0.1, level: 0.9, power: 0.9, significance: 0.01);

        Close.Equal(0.10245868013129895, a.MarginNow); // h(40, 0.2, qnorm(0.95))
        Assert.Equal(172, a.ResponsesForMargin); // wn(0.05, 0.2, qnorm(0.95))
        Assert.Equal(132, a.MarginShortfall);
        Close.Equal(555.49976385055663, a.ResponsesPerWindowForChange); // power.prop.test(p1=0.2, p2=0.3, power=0.9, sig.level=0.01, tol=1e-14)$n
        Assert.Equal(516, a.ChangeShortfall); // 556 - 40
    }

    [Fact]
    public void Enough_responses_leave_no_shortfall()
    {
        // 120 of 200 satisfied: CSAT 0.6; a change of 0.15 to 0.75 needs power.prop.test(p1=0.6, p2=0.75, power=0.8)$n
        // = 151.86886247395705 per window (151.86886211727608 with tol=1e-14).
        var a = SampleSizeAdvice.Create(ItFin, 200, 120, margin: 0.1, change: 0.15);

        Close.Equal(151.86886211727608, a.ResponsesPerWindowForChange);
        Assert.Equal(0, a.MarginShortfall);
        Assert.Equal(0, a.ChangeShortfall);
    }

    [Fact]
    public void A_summary_advises_on_every_invited_relationship_from_its_counts()
    {
        var fin = DepartmentId.Parse("fin");
        var hr = DepartmentId.Parse("hr");
        var it = DepartmentId.Parse("it");
        var legal = DepartmentId.Parse("legal");
        var cycle = new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 3, 31));
        var campaign = new FeedbackCampaign(CampaignId.Parse("q1"), cycle, DateTimeZone.Utc, [new Invitation(ItFin, 20), new Invitation(new Relationship(hr, fin))]);
        var at = Instant.FromUtc(2026, 2, 1, 9, 0);
        FeedbackResponse[] responses =
        [
            .. Enumerable.Range(0, 12).Select(i => new FeedbackResponse(fin, it, at, RatingScale.FivePoint, i < 9 ? 5 : 1)),
            new FeedbackResponse(legal, it, at, RatingScale.FivePoint, 5), // not invited: no advice
        ];

        var advice = CampaignSummary.Create(campaign, responses).Advise();

        Assert.Equal([new Relationship(hr, fin), ItFin], advice.Select(a => a.Relationship));
        Assert.Equal(SampleSizeAdvice.Create(new Relationship(hr, fin), 0, 0, 0.1, 0.15), advice[0]);
        Assert.Equal(SampleSizeAdvice.Create(ItFin, 12, 9, 0.1, 0.15), advice[1]);
        Assert.Equal(70, advice[1].ResponsesForMargin); // wn(0.1, 0.75, qnorm(0.975)), the defaults ±0.1 and Δ 0.15
    }

    [Theory]
    [InlineData(0.0, 0.15, 0.95, 0.8, 0.05, "margin", "A margin must be in (0, 0.5]; got 0.")]
    [InlineData(0.6, 0.15, 0.95, 0.8, 0.05, "margin", "A margin must be in (0, 0.5]; got 0.6.")]
    [InlineData(double.NaN, 0.15, 0.95, 0.8, 0.05, "margin", "A margin must be in (0, 0.5]; got NaN.")]
    [InlineData(0.1, 0.0, 0.95, 0.8, 0.05, "change", "A change to detect must be in (0, 0.5]; got 0.")]
    [InlineData(0.1, -0.1, 0.95, 0.8, 0.05, "change", "A change to detect must be in (0, 0.5]; got -0.1.")]
    [InlineData(0.1, 0.51, 0.95, 0.8, 0.05, "change", "A change to detect must be in (0, 0.5]; got 0.51.")]
    [InlineData(0.1, 0.15, 1.0, 0.8, 0.05, "level", "A confidence level must be in (0, 1); got 1.")]
    [InlineData(0.1, 0.15, 0.0, 0.8, 0.05, "level", "A confidence level must be in (0, 1); got 0.")]
    [InlineData(0.1, 0.15, 0.95, 1.0, 0.05, "power", "A power must be in (0, 1); got 1.")]
    [InlineData(0.1, 0.15, 0.95, 0.0, 0.05, "power", "A power must be in (0, 1); got 0.")]
    [InlineData(0.1, 0.15, 0.95, 0.8, 0.0, "significance", "A significance level must be in (0, 1); got 0.")]
    [InlineData(0.1, 0.15, 0.95, 0.8, 1.5, "significance", "A significance level must be in (0, 1); got 1.5.")]
    public void Bad_settings_are_refused_with_their_name(double margin, double change, double level, double power, double significance, string parameter, string message)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => SampleSizeAdvice.Create(ItFin, 10, 5, margin, change, level, power, significance));
        Assert.Equal(parameter, ex.ParamName);
        Assert.StartsWith(message, ex.Message);

        var summary = CampaignSummary.Create(
            new FeedbackCampaign(CampaignId.Parse("q1"), new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 3, 31)), DateTimeZone.Utc, []),
            ReadOnlySpan<FeedbackResponse>.Empty);
        ex = Assert.Throws<ArgumentOutOfRangeException>(() => summary.Advise(margin, change, level, power, significance));
        Assert.Equal(parameter, ex.ParamName);
        Assert.StartsWith(message, ex.Message);
    }

    [Fact]
    public void Bad_counts_are_refused_with_their_name()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => SampleSizeAdvice.Create(ItFin, -1, 0, 0.1, 0.15));
        Assert.Equal("responses", ex.ParamName);
        Assert.StartsWith("The number of responses must be at least 0; got -1.", ex.Message);

        ex = Assert.Throws<ArgumentOutOfRangeException>(() => SampleSizeAdvice.Create(ItFin, 4, 5, 0.1, 0.15));
        Assert.Equal("satisfied", ex.ParamName);
        Assert.StartsWith("The number satisfied must be from 0 to the responses (4); got 5.", ex.Message);

        ex = Assert.Throws<ArgumentOutOfRangeException>(() => SampleSizeAdvice.Create(ItFin, 4, -1, 0.1, 0.15));
        Assert.Equal("satisfied", ex.ParamName);
    }

    [Fact]
    public void A_power_reached_with_any_number_of_responses_is_refused()
    {
        // z(0.975)·pooled + z(0.01)·separate < 0 for 0.5 vs 0.65: any n has power above 0.01.
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => SampleSizeAdvice.Create(ItFin, 0, 0, 0.1, 0.15, power: 0.01));
        Assert.Equal("power", ex.ParamName);
        Assert.StartsWith("A power of 0.01 is reached with any group size for these shares; expected a higher power.", ex.Message);
    }
}
