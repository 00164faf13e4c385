using System.Globalization;

namespace InternalCustomer.Improvement;

/// <summary>
/// One line of a feedback campaign: the consumer department of <see cref="Relationship"/> is asked to rate its
/// provider, and <see cref="Invited"/> of its people are asked.
/// </summary>
/// <remarks>Equality is component-wise. A campaign holds at most one invitation per relationship, sorted by it.</remarks>
public sealed record Invitation
{
    /// <summary>Creates an invitation.</summary>
    /// <param name="relationship">The pair: the provider is rated, the consumer is asked.</param>
    /// <param name="invited">How many people of the consumer are asked, at least 1; 1 by default.</param>
    /// <exception cref="ArgumentException">An id of <paramref name="relationship"/> is <c>default</c>, or the
    /// provider and the consumer are the same department.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="invited"/> is below 1.</exception>
    public Invitation(Relationship relationship, int invited = 1)
    {
        ModelGuard.NotDefault(relationship.Provider, nameof(relationship));
        ModelGuard.NotDefault(relationship.Consumer, nameof(relationship));
        if (relationship.Provider == relationship.Consumer)
        {
            throw new ArgumentException(
                $"Expected an invitation to rate another department; got provider and consumer both '{relationship.Provider}'.",
                nameof(relationship));
        }

        if (invited < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(invited),
                invited,
                string.Create(CultureInfo.InvariantCulture, $"The number invited must be at least 1; got {invited} for {relationship.Provider} → {relationship.Consumer}."));
        }

        Relationship = relationship;
        Invited = invited;
    }

    /// <summary>Gets the pair: the provider is rated, the consumer is asked.</summary>
    public Relationship Relationship { get; }

    /// <summary>Gets how many people of the consumer are asked (at least 1).</summary>
    public int Invited { get; }

    /// <summary>Returns the invitation as text, for example <c>it -&gt; finance ×3</c>.</summary>
    /// <returns>The provider, the consumer and the number invited.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Relationship.Provider} → {Relationship.Consumer} ×{Invited}");
}
