using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InternalCustomer.Interchange;

namespace InternalCustomer.Tests.Interchange;

/// <summary>The near-miss rule behind "did you mean": the optimal string alignment distance, its bound by length, and
/// the unique nearest id.</summary>
public class IdentifierSuggestionTests
{
    // Reference values: Wikipedia, "Damerau–Levenshtein distance" (CA → ABC is 3 as optimal string alignment, 2 unrestricted)
    // and "Levenshtein distance" (kitten → sitting 3, a substitution, a substitution and an insertion).
    [Theory]
    [InlineData("", "", 0)]
    [InlineData("", "abc", 3)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("CA", "ABC", 3)]
    [InlineData("teh", "the", 1)]
    [InlineData("abcdef", "badcfe", 3)]
    [InlineData("office", "Office", 1)]
    [InlineData("it-sevice-desk", "it-service-desk", 1)]
    [InlineData("ola-56-it-service-desk-financ", "ola-56-it-service-desk-finance", 1)]
    public void Distance_counts_insertions_deletions_substitutions_and_adjacent_swaps(string first, string second, int expected)
    {
        Assert.Equal(expected, IdentifierSuggestion.Distance(first, second));
        Assert.Equal(expected, IdentifierSuggestion.Distance(second, first));
    }

    // Boundary table of the bound: a third of the length, at least 1, at most 2.
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(5, 1)]
    [InlineData(6, 2)]
    [InlineData(8, 2)]
    [InlineData(9, 2)]
    [InlineData(64, 2)]
    public void The_allowed_edits_are_a_third_of_the_length_from_1_to_2(int length, int expected) =>
        Assert.Equal(expected, IdentifierSuggestion.AllowedEdits(length));

    [Theory]
    [InlineData("offce", "office")]
    [InlineData("OFFICE", "office")]
    [InlineData("hirign", "hiring")]
    [InlineData("it-sevice-desk", "it-service-desk")]
    [InlineData("assembyl", "assembly")]
    [InlineData("P5", null)]
    [InlineData("finance-dept", null)]
    [InlineData("xyz", null)]
    public void Suggest_names_the_unique_near_miss(string unknown, string? expected) =>
        Assert.Equal(expected, IdentifierSuggestion.Suggest(unknown, ["office", "hiring", "it-service-desk", "assembly", "P1", "P2", "P3", "P4", "finance"]));

    [Fact]
    public void Suggest_gives_nothing_when_two_ids_are_equally_near_or_the_id_is_too_far()
    {
        // "P5" is 1 edit from each of P1..P4: a guess, so none. "hr-x" is 2 from "hr" but may be only 1 away (length 4).
        Assert.Null(IdentifierSuggestion.Suggest("P5", ["P1", "P2"]));
        Assert.Equal("P1", IdentifierSuggestion.Suggest("P!", ["P1"]));
        Assert.Null(IdentifierSuggestion.Suggest("hr-x", ["hr"]));
        Assert.Equal("hr-x", IdentifierSuggestion.Suggest("hr-y", ["hr-x", "hr-x"]));
        Assert.Equal("office", IdentifierSuggestion.Suggest("ofice", ["offices", "office"]));
        Assert.Null(IdentifierSuggestion.Suggest("anything", []));
    }

    [Fact]
    public void Bad_arguments_name_their_parameter()
    {
        Assert.Equal("first", Assert.Throws<ArgumentNullException>(() => IdentifierSuggestion.Distance(null!, "a")).ParamName);
        Assert.Equal("second", Assert.Throws<ArgumentNullException>(() => IdentifierSuggestion.Distance("a", null!)).ParamName);
        Assert.Equal("unknown", Assert.Throws<ArgumentNullException>(() => IdentifierSuggestion.Suggest(null!, [])).ParamName);
        Assert.Equal("known", Assert.Throws<ArgumentNullException>(() => IdentifierSuggestion.Suggest("a", null!)).ParamName);
        Assert.Equal("known", Assert.Throws<ArgumentNullException>(() => IdentifierSuggestion.Suggest("a", ["b", null!])).ParamName);
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => IdentifierSuggestion.AllowedEdits(-1));
        Assert.Equal("length", negative.ParamName);
        Assert.Equal("message", Assert.Throws<ArgumentNullException>(() => IdentifierSuggestion.WithSuggestion(null!, "a")).ParamName);
        Assert.Equal("suggestion", Assert.Throws<ArgumentNullException>(() => IdentifierSuggestion.WithSuggestion("m.", null!)).ParamName);
    }

    [Fact]
    public void The_suggestion_takes_the_place_of_the_closing_full_stop()
    {
        Assert.Equal("Calendar 'offce' is not a calendar of this organization; did you mean \"office\"?", IdentifierSuggestion.WithSuggestion("Calendar 'offce' is not a calendar of this organization.", "office"));
        Assert.Equal("No such id; did you mean \"a\"?", IdentifierSuggestion.WithSuggestion("No such id", "a"));
    }

    [Property(Arbitrary = new[] { typeof(ShortTexts) })]
    public bool Distance_is_zero_exactly_for_equal_texts_and_symmetric(ShortText a, ShortText b)
    {
        var d = IdentifierSuggestion.Distance(a.Value, b.Value);
        return d == IdentifierSuggestion.Distance(b.Value, a.Value) && (d == 0) == string.Equals(a.Value, b.Value, StringComparison.Ordinal);
    }

    [Property(Arbitrary = new[] { typeof(ShortTexts) })]
    public bool Distance_lies_between_the_length_difference_and_the_longer_length(ShortText a, ShortText b)
    {
        var d = IdentifierSuggestion.Distance(a.Value, b.Value);
        return d >= Math.Abs(a.Value.Length - b.Value.Length) && d <= Math.Max(a.Value.Length, b.Value.Length);
    }

    [Property(Arbitrary = new[] { typeof(ShortTexts) })]
    public bool One_edit_is_distance_one_and_a_suggestion(ShortText text, char inserted, byte at)
    {
        // Inserting one character that is not a letter of the alphabet used (so no case-insensitive coincidence) is one edit.
        var c = (char)('0' + (inserted % 10));
        var position = at % (text.Value.Length + 1);
        var longer = text.Value.Insert(position, c.ToString());
        return IdentifierSuggestion.Distance(text.Value, longer) == 1 && IdentifierSuggestion.Suggest(longer, [text.Value]) == text.Value;
    }

    [Property(Arbitrary = new[] { typeof(ShortTexts) })]
    public bool A_suggestion_is_a_known_id_within_the_bound(ShortText unknown, ShortText[] known)
    {
        var ids = known.Select(k => k.Value).ToArray();
        var suggestion = IdentifierSuggestion.Suggest(unknown.Value, ids);
        return suggestion is null
            || (ids.Contains(suggestion) && IdentifierSuggestion.Distance(unknown.Value.ToUpperInvariant(), suggestion.ToUpperInvariant()) <= IdentifierSuggestion.AllowedEdits(unknown.Value.Length));
    }
}

/// <summary>A short text over a small alphabet, so that near misses are common.</summary>
public sealed record ShortText(string Value)
{
    public override string ToString() => $"\"{Value}\"";
}

/// <summary>Generators of <see cref="ShortText"/>.</summary>
public static class ShortTexts
{
    public static Arbitrary<ShortText> Texts() =>
        Gen.Choose(0, 8).SelectMany(n => Gen.ArrayOf(Gen.Elements('a', 'b', 'c', 'A', '-'), n)).Select(cs => new ShortText(new string(cs))).ToArbitrary();
}
