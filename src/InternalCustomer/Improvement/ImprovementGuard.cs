using System.Collections.Immutable;
using InternalCustomer.Organizations;
using NodaTime;
using NodaTime.Text;

namespace InternalCustomer.Improvement;

/// <summary>Argument checks and organisation look-ups shared by the improvement loop's types.</summary>
internal static class ImprovementGuard
{
    internal static Relationship Pair(Relationship relationship, string parameterName)
    {
        if (relationship.Provider.IsDefault || relationship.Consumer.IsDefault)
        {
            throw new ArgumentException(
                $"Expected a relationship of two parsed department ids; got ({Text(relationship.Provider)}, {Text(relationship.Consumer)}).",
                parameterName);
        }

        if (relationship.Provider == relationship.Consumer)
        {
            throw new ArgumentException(
                $"Expected a relationship between two different departments; got provider and consumer both '{relationship.Provider}'.",
                parameterName);
        }

        return relationship;
    }

    internal static string? OptionalText(string? text, string what, string parameterName) =>
        text is not null && string.IsNullOrWhiteSpace(text)
            ? throw new ArgumentException($"{what} must be null or non-blank text; got \"{text}\".", parameterName)
            : text;

    internal static ImmutableArray<T> SortedDistinct<T>(IEnumerable<T>? items, string what, string parameterName)
        where T : struct, IIdentifier, IComparable<T>
    {
        if (items is null)
        {
            return [];
        }

        var list = new List<T>();
        foreach (var item in items)
        {
            if (item.IsDefault)
            {
                throw new ArgumentException($"Expected {what} of parsed ids; got default({typeof(T).Name}) at index {list.Count}.", parameterName);
            }

            list.Add(item);
        }

        list.Sort();
        for (var i = 1; i < list.Count; i++)
        {
            if (list[i].CompareTo(list[i - 1]) == 0)
            {
                throw new ArgumentException($"Expected {what} without repeats; got '{list[i].Value}' twice.", parameterName);
            }
        }

        return [.. list];
    }

    /// <summary>Whether the pair has an agreement or a declared dependency in the organisation.</summary>
    internal static bool Exists(Organization organization, Relationship relationship)
    {
        foreach (var agreement in organization.AgreementsProvidedBy(relationship.Provider))
        {
            if (agreement.Consumer == relationship.Consumer)
            {
                return true;
            }
        }

        foreach (var dependency in organization.DependenciesProvidedBy(relationship.Provider))
        {
            if (dependency.Consumer == relationship.Consumer)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The agreements between the pair (provider and consumer as given), sorted by id; the provider must be in the organisation.</summary>
    internal static ImmutableArray<Agreements.ServiceAgreement> AgreementsBetween(Organization organization, Relationship relationship) =>
        [.. organization.AgreementsProvidedBy(relationship.Provider).Where(a => a.Consumer == relationship.Consumer)];

    internal static string Day(LocalDate date) => LocalDatePattern.Iso.Format(date);

    internal static string Describe(Relationship relationship) => $"{relationship.Provider} → {relationship.Consumer}";

    private static string Text<T>(T id)
        where T : struct, IIdentifier => id.IsDefault ? "default" : $"'{id.Value}'";
}
