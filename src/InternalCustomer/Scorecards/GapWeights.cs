using System.Globalization;

namespace InternalCustomer.Scorecards;

/// <summary>
/// How the two kinds of gap combine into one relationship gap: a weighted mean of the SLA gap and
/// the satisfaction gap. The default weighs them equally.
/// </summary>
public sealed record GapWeights
{
    /// <summary>Creates gap weights.</summary>
    /// <param name="sla">The weight of the SLA gap; finite and non-negative.</param>
    /// <param name="satisfaction">The weight of the satisfaction gap; finite and non-negative.</param>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative, NaN or infinite.</exception>
    /// <exception cref="ArgumentException">Both weights are zero.</exception>
    public GapWeights(double sla, double satisfaction)
    {
        Check(sla, nameof(sla));
        Check(satisfaction, nameof(satisfaction));
        if (sla + satisfaction == 0)
        {
            throw new ArgumentException("Gap weights must not all be zero; got sla = 0 and satisfaction = 0.", nameof(satisfaction));
        }

        Sla = sla;
        Satisfaction = satisfaction;
    }

    /// <summary>Gets equal weights (1 and 1).</summary>
    public static GapWeights Equal { get; } = new(1, 1);

    /// <summary>Gets the weight of the SLA gap.</summary>
    public double Sla { get; }

    /// <summary>Gets the weight of the satisfaction gap.</summary>
    public double Satisfaction { get; }

    internal double Combine(double slaGap, double satisfactionGap) =>
        ((Sla * slaGap) + (Satisfaction * satisfactionGap)) / (Sla + Satisfaction);

    private static void Check(double weight, string name)
    {
        if (!double.IsFinite(weight) || weight < 0)
        {
            throw new ArgumentOutOfRangeException(name, weight, string.Create(CultureInfo.InvariantCulture, $"A gap weight must be a finite number >= 0; got {weight}."));
        }
    }
}
