using System.Globalization;

namespace InternalCustomer.Improvement;

/// <summary>
/// The counts of one relationship in a <see cref="CampaignSummary"/>: how many of the consumer were invited to rate
/// the provider, how many responses came in the campaign's window, and how many of those were satisfied.
/// </summary>
/// <remarks>A relationship that answered without being invited is kept with <see cref="Invited"/> 0, so that
/// summaries of partitions merge exactly; such responses count towards <see cref="CampaignSummary.Uninvited"/> and
/// towards no rate. Equality is component-wise.</remarks>
public sealed record RelationshipResponses
{
    internal RelationshipResponses(Relationship relationship, long invited, long responses, long satisfied)
    {
        Relationship = relationship;
        Invited = invited;
        Responses = responses;
        Satisfied = satisfied;
    }

    /// <summary>Creates the counts of one relationship (for example read back from a stored state), checking them.</summary>
    /// <param name="relationship">The pair: the provider rated, the consumer responding.</param>
    /// <param name="invited">How many of the consumer were invited, at least 0.</param>
    /// <param name="responses">How many responses fell in the campaign's window, at least 0.</param>
    /// <param name="satisfied">How many of them were satisfied, in [0, <paramref name="responses"/>].</param>
    /// <returns>The counts.</returns>
    /// <exception cref="ArgumentException">The relationship is <c>default</c>, a count is negative, or more are
    /// satisfied than responded; the message says what was expected and what came, and the parameter name says which part.</exception>
    public static RelationshipResponses Create(Relationship relationship, long invited, long responses, long satisfied)
    {
        if (relationship.Provider.IsDefault || relationship.Consumer.IsDefault)
        {
            throw new ArgumentException("Expected a relationship between two departments; got the default relationship.", nameof(relationship));
        }

        NonNegative(invited, nameof(invited));
        NonNegative(responses, nameof(responses));
        NonNegative(satisfied, nameof(satisfied));
        if (satisfied > responses)
        {
            throw new ArgumentOutOfRangeException(
                nameof(satisfied),
                satisfied,
                string.Create(CultureInfo.InvariantCulture, $"The satisfied responses must be at most the {responses} responses; got {satisfied}."));
        }

        return new RelationshipResponses(relationship, invited, responses, satisfied);
    }

    /// <summary>Gets the pair: the provider rated, the consumer responding.</summary>
    public Relationship Relationship { get; }

    /// <summary>Gets how many people of the consumer were invited (0 when the relationship was not invited).</summary>
    public long Invited { get; }

    /// <summary>Gets how many responses of the consumer about the provider fell in the campaign's window.</summary>
    public long Responses { get; }

    /// <summary>Gets how many of <see cref="Responses"/> rated the provider in the top boxes of their scale.</summary>
    public long Satisfied { get; }

    /// <summary>Gets whether the relationship was invited.</summary>
    public bool IsInvited => Invited > 0;

    /// <summary>Gets the responses that answer an invitation: <c>min(Responses, Invited)</c> (extra responses of one
    /// relationship do not make up for another's silence).</summary>
    public long Answered => Math.Min(Responses, Invited);

    /// <summary>Gets the share of the invited who answered, <c>Answered / Invited</c>; <see langword="null"/> when
    /// the relationship was not invited.</summary>
    public double? ResponseRate => Invited > 0 ? (double)Answered / Invited : null;

    /// <summary>Gets the observed CSAT, <c>Satisfied / Responses</c>; <see langword="null"/> without responses.</summary>
    public double? Csat => Responses > 0 ? (double)Satisfied / Responses : null;

    internal RelationshipResponses Plus(RelationshipResponses other) =>
        new(Relationship, Invited + other.Invited, Responses + other.Responses, Satisfied + other.Satisfied);

    private static void NonNegative(long count, string paramName)
    {
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                count,
                string.Create(CultureInfo.InvariantCulture, $"The count '{paramName}' must be at least 0; got {count}."));
        }
    }

    /// <summary>Returns the counts as text, for example <c>it -&gt; finance: 3 of 4 invited, 2 satisfied</c>.</summary>
    /// <returns>The pair and its counts.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Relationship.Provider} -> {Relationship.Consumer}: {Responses} responses, {Invited} invited, {Satisfied} satisfied");
}
