using System.Globalization;
using InternalCustomer.Feedback.Statistics;

namespace InternalCustomer.Improvement;

/// <summary>
/// How many responses one relationship needs: for its CSAT to be known to ±<see cref="Margin"/>, and for a change of
/// <see cref="Change"/> in its CSAT between two windows to be detected with <see cref="Power"/>, set against the
/// responses it has now.
/// </summary>
/// <remarks>
/// <para>The assumed CSAT is the observed one (<see cref="Satisfied"/> / <see cref="Responses"/>), or 0.5 (the worst
/// case) without responses.</para>
/// <para><b>Margin</b>: <see cref="ResponsesForMargin"/> is the smallest <c>n</c> whose Wilson interval at the assumed
/// CSAT has half-width at most <see cref="Margin"/> at <see cref="Level"/>
/// (<see cref="PowerAnalysis.WilsonSampleSize"/>). <see cref="MarginNow"/> is that half-width with the responses there
/// are.</para>
/// <para><b>Change</b>: <see cref="ResponsesPerWindowForChange"/> is R's
/// <c>power.prop.test(p1 = assumed, p2 = compared, power = , sig.level = )$n</c>
/// (<see cref="PowerAnalysis.ProportionSampleSize"/>): responses per window, before and after, not rounded. The
/// compared CSAT is the assumed one plus <see cref="Change"/>, or minus it when the sum passes 1.</para>
/// <para>The shortfalls are what is missing now, rounding the needed numbers up to whole responses; 0 when there are
/// enough. Equality is component-wise.</para>
/// </remarks>
public sealed record SampleSizeAdvice
{
    private SampleSizeAdvice(
        Relationship relationship, long responses, long satisfied, double margin, double change, double level, double power, double significance)
    {
        Relationship = relationship;
        Responses = responses;
        Satisfied = satisfied;
        Margin = margin;
        Change = change;
        Level = level;
        Power = power;
        Significance = significance;
        ObservedCsat = responses > 0 ? (double)satisfied / responses : null;
        AssumedCsat = ObservedCsat ?? 0.5;
        ComparedCsat = AssumedCsat + change <= 1.0 ? AssumedCsat + change : AssumedCsat - change;
        MarginNow = responses > 0 ? PowerAnalysis.WilsonMargin(responses, AssumedCsat, level) : null;
        ResponsesForMargin = PowerAnalysis.WilsonSampleSize(margin, level, AssumedCsat);
        ResponsesPerWindowForChange = PowerAnalysis.ProportionSampleSize(AssumedCsat, ComparedCsat, power, significance);
        MarginShortfall = Math.Max(0, ResponsesForMargin - responses);
        ChangeShortfall = Math.Max(0, (long)Math.Ceiling(ResponsesPerWindowForChange) - responses);
    }

    /// <summary>Gets the relationship advised on.</summary>
    public Relationship Relationship { get; }

    /// <summary>Gets the responses there are now.</summary>
    public long Responses { get; }

    /// <summary>Gets how many of them were satisfied.</summary>
    public long Satisfied { get; }

    /// <summary>Gets the observed CSAT, <see langword="null"/> without responses.</summary>
    public double? ObservedCsat { get; }

    /// <summary>Gets the CSAT the advice assumes: the observed one, or 0.5 without responses.</summary>
    public double AssumedCsat { get; }

    /// <summary>Gets the wanted half-width of the CSAT interval.</summary>
    public double Margin { get; }

    /// <summary>Gets the confidence level of the interval.</summary>
    public double Level { get; }

    /// <summary>Gets the change of CSAT to detect.</summary>
    public double Change { get; }

    /// <summary>Gets the CSAT the change leads to: <see cref="AssumedCsat"/> + <see cref="Change"/>, or − when the sum
    /// passes 1.</summary>
    public double ComparedCsat { get; }

    /// <summary>Gets the wanted power of the test of the change.</summary>
    public double Power { get; }

    /// <summary>Gets the two-sided significance level of the test of the change.</summary>
    public double Significance { get; }

    /// <summary>Gets the Wilson half-width at the assumed CSAT with the responses there are;
    /// <see langword="null"/> without responses.</summary>
    public double? MarginNow { get; }

    /// <summary>Gets the responses needed for a Wilson half-width of at most <see cref="Margin"/>.</summary>
    public long ResponsesForMargin { get; }

    /// <summary>Gets the responses needed per window (before and after) to detect <see cref="Change"/> with
    /// <see cref="Power"/>, not rounded (R's <c>power.prop.test</c>).</summary>
    public double ResponsesPerWindowForChange { get; }

    /// <summary>Gets the responses missing for the margin: <c>max(0, ResponsesForMargin − Responses)</c>.</summary>
    public long MarginShortfall { get; }

    /// <summary>Gets the responses missing in this window to detect the change:
    /// <c>max(0, ⌈ResponsesPerWindowForChange⌉ − Responses)</c>.</summary>
    public long ChangeShortfall { get; }

    /// <summary>Advises on one relationship's responses.</summary>
    /// <param name="relationship">The relationship advised on.</param>
    /// <param name="responses">The responses there are, at least 0.</param>
    /// <param name="satisfied">How many of them were satisfied, from 0 to <paramref name="responses"/>.</param>
    /// <param name="margin">The wanted half-width of the CSAT interval, in (0, 0.5]; for example 0.1 for ±10 points.</param>
    /// <param name="change">The change of CSAT to detect, in (0, 0.5].</param>
    /// <param name="level">The confidence level of the interval, in (0, 1); 0.95 by default.</param>
    /// <param name="power">The wanted power of the test of the change, in (0, 1); 0.8 by default.</param>
    /// <param name="significance">The two-sided significance level of that test, in (0, 1); 0.05 by default.</param>
    /// <returns>The advice.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range, or <paramref name="power"/>
    /// is so low that any number of responses reaches it.</exception>
    public static SampleSizeAdvice Create(
        Relationship relationship, long responses, long satisfied, double margin, double change, double level = 0.95, double power = 0.8, double significance = 0.05)
    {
        if (responses < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(responses),
                responses,
                string.Create(CultureInfo.InvariantCulture, $"The number of responses must be at least 0; got {responses}."));
        }

        if (satisfied < 0 || satisfied > responses)
        {
            throw new ArgumentOutOfRangeException(
                nameof(satisfied),
                satisfied,
                string.Create(CultureInfo.InvariantCulture, $"The number satisfied must be from 0 to the responses ({responses}); got {satisfied}."));
        }

        CheckSettings(margin, change, level, power, significance);
        return new SampleSizeAdvice(relationship, responses, satisfied, margin, change, level, power, significance);
    }

    internal static void CheckSettings(double margin, double change, double level, double power, double significance)
    {
        CampaignGuard.UpToHalf(margin, "A margin", nameof(margin));
        CampaignGuard.UpToHalf(change, "A change to detect", nameof(change));
        CampaignGuard.OpenUnit(level, "A confidence level", nameof(level));
        CampaignGuard.OpenUnit(power, "A power", nameof(power));
        CampaignGuard.OpenUnit(significance, "A significance level", nameof(significance));
    }

    internal static SampleSizeAdvice CreateChecked(
        Relationship relationship, long responses, long satisfied, double margin, double change, double level, double power, double significance) =>
        new(relationship, responses, satisfied, margin, change, level, power, significance);

    /// <summary>Returns the advice as text, for example
    /// <c>it → fin: 12 responses; ±0.1 needs 70 (58 short); a change of 0.15 needs 99.5 per window (88 short)</c>.</summary>
    /// <returns>The relationship, the responses and the needed numbers.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{Relationship.Provider} → {Relationship.Consumer}: {Responses} responses; ±{Margin} needs {ResponsesForMargin} ({MarginShortfall} short); a change of {Change} needs {ResponsesPerWindowForChange:0.#} per window ({ChangeShortfall} short)");
}
