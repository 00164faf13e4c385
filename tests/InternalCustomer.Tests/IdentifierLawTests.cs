using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace InternalCustomer.Tests;

/// <summary>
/// The laws every identifier type must keep, run on every one of them (they are generated from one template, so a
/// law broken in the template breaks all of them here): equality, hashing, ordering, parsing and <c>default</c>, in the
/// manner of NodaTime's <c>TestHelper.TestEqualsStruct</c> / <c>TestCompareToStruct</c> / <c>TestOperatorComparisonEquality</c>.
/// </summary>
public class IdentifierLawTests
{
    [Fact]
    public void DepartmentId_keeps_the_identifier_laws() => IdentifierLaws.Check<DepartmentId>("department");

    [Fact]
    public void ServiceId_keeps_the_identifier_laws() => IdentifierLaws.Check<ServiceId>("service");

    [Fact]
    public void AgreementId_keeps_the_identifier_laws() => IdentifierLaws.Check<AgreementId>("agreement");

    [Fact]
    public void CalendarId_keeps_the_identifier_laws() => IdentifierLaws.Check<CalendarId>("calendar");

    [Fact]
    public void PriorityId_keeps_the_identifier_laws() => IdentifierLaws.Check<PriorityId>("priority");

    [Fact]
    public void CampaignId_keeps_the_identifier_laws() => IdentifierLaws.Check<CampaignId>("campaign");

    [Fact]
    public void MeetingId_keeps_the_identifier_laws() => IdentifierLaws.Check<MeetingId>("meeting");

    [Fact]
    public void ActionId_keeps_the_identifier_laws() => IdentifierLaws.Check<ActionId>("action");

    [Property(Arbitrary = new[] { typeof(IdentifierTexts) })]
    public bool Every_identifier_type_orders_and_equates_as_the_ordinal_text(IdText a, IdText b) =>
        IdentifierLaws.AgreesWithText<DepartmentId>(a.Text, b.Text)
        && IdentifierLaws.AgreesWithText<ServiceId>(a.Text, b.Text)
        && IdentifierLaws.AgreesWithText<AgreementId>(a.Text, b.Text)
        && IdentifierLaws.AgreesWithText<CalendarId>(a.Text, b.Text)
        && IdentifierLaws.AgreesWithText<PriorityId>(a.Text, b.Text)
        && IdentifierLaws.AgreesWithText<CampaignId>(a.Text, b.Text)
        && IdentifierLaws.AgreesWithText<MeetingId>(a.Text, b.Text)
        && IdentifierLaws.AgreesWithText<ActionId>(a.Text, b.Text);
}

/// <summary>Valid identifier text (wrapped so FsCheck does not use its own string generator).</summary>
public sealed record IdText(string Text);

/// <summary>A generator of valid identifier text: stems, suffixes and the 1- and 64-character extremes.</summary>
public static class IdentifierTexts
{
    private static readonly string[] Stems = ["a", "A", "b", "it", "it-desk", "it.desk", "it_desk", "人力资源部", "Qualité", "0", "9z"];

    /// <summary>Valid identifier text.</summary>
    public static Arbitrary<IdText> Texts() =>
        Gen.OneOf(
                Gen.Elements(Stems),
                Gen.Elements(Stems).SelectMany(s => Gen.Choose(0, 999).Select(n => s + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture))),
                Gen.Choose(1, 64).Select(n => new string('x', n)))
            .Select(t => new IdText(t))
            .ToArbitrary();
}

/// <summary>The law helper: generic over any identifier type.</summary>
internal static class IdentifierLaws
{
    /// <summary>Checks every law on <typeparamref name="T"/>; <paramref name="kind"/> is the word its messages use.</summary>
    public static void Check<T>(string kind)
        where T : struct, IParsable<T>, IEquatable<T>, IComparable<T>, IComparable, IComparisonOperators<T, T, bool>, IIdentifier
    {
        var a = T.Parse("alpha", null);
        var a2 = T.Parse(new string("alpha".AsSpan()), null); // equal text, another string instance
        var b = T.Parse("beta", null);
        var c = T.Parse("gamma", null);

        // Equality and hashing.
        Assert.True(a.Equals(a2));
        Assert.True(a.Equals((object)a2));
        Assert.Equal(a.GetHashCode(), a2.GetHashCode());
        Assert.True(a == a2);
        Assert.False(a != a2);
        Assert.False(a.Equals(b));
        Assert.False(a.Equals((object)b));
        Assert.False(a.Equals((object)"alpha"));
        Assert.False(a.Equals(null));
        Assert.True(a != b);
        Assert.False(T.Parse("Alpha", null) == a); // ordinal: case-sensitive

        // Ordering: ordinal, total, consistent with the operators and with equality.
        Assert.True(a.CompareTo(b) < 0 && b.CompareTo(c) < 0 && a.CompareTo(c) < 0);
        Assert.True(b.CompareTo(a) > 0);
        Assert.Equal(0, a.CompareTo(a2));
        Assert.True(a < b && a <= b && a <= a2 && b > a && b >= a && a >= a2);
        Assert.False(a > b || a >= b || b < a || b <= a);
        Assert.Equal(string.CompareOrdinal("Zeta", "alpha") < 0, T.Parse("Zeta", null) < a);
        Assert.Equal(1, a.CompareTo((object?)null));
        Assert.Equal(0, a.CompareTo((object)a2));
        var wrongType = Assert.Throws<ArgumentException>(() => a.CompareTo((object)"alpha"));
        Assert.Equal("obj", wrongType.ParamName);
        Assert.Contains($"Expected a {typeof(T).Name}; got String.", wrongType.Message, StringComparison.Ordinal);

        // Parsing: round trip through the text, both Parse forms, TryParse, and rejection with a message.
        Assert.Equal("alpha", a.ToString());
        Assert.Equal("alpha", a.Value);
        Assert.True(T.TryParse("alpha", null, out var parsed) && parsed == a);
        Assert.False(T.TryParse("al pha", null, out var rejected));
        Assert.True(rejected.IsDefault);
        Assert.False(T.TryParse(null, null, out _));
        var bad = Assert.Throws<ArgumentException>(() => T.Parse("al/pha", null));
        Assert.Equal("s", bad.ParamName);
        Assert.Contains($"A {kind} id must be 1-64 characters, each a letter, a digit, '-', '_' or '.'", bad.Message, StringComparison.Ordinal);
        Assert.Contains("which has '/' at position 2", bad.Message, StringComparison.Ordinal);
        var missing = Assert.Throws<ArgumentNullException>(() => T.Parse(null!, null));
        Assert.Equal("s", missing.ParamName);
        Assert.Throws<ArgumentException>(() => T.Parse(new string('x', 65), null));
        Assert.Equal(new string('x', 64), T.Parse(new string('x', 64), null).Value);

        // default: recognisable, equal to itself, sorts first, never equal to a parsed identifier.
        var none = default(T);
        Assert.True(none.IsDefault);
        Assert.False(a.IsDefault);
        Assert.Equal(string.Empty, none.Value);
        Assert.Equal(string.Empty, none.ToString());
        Assert.True(none == default(T));
        Assert.Equal(default(T).GetHashCode(), none.GetHashCode());
        Assert.True(none != a && none < a && a > none);
        Assert.Equal(0, none.CompareTo(default(T)));
    }

    /// <summary>Whether equality, hashing and ordering of <typeparamref name="T"/> agree with the ordinal text.</summary>
    public static bool AgreesWithText<T>(string x, string y)
        where T : struct, IParsable<T>, IEquatable<T>, IComparable<T>, IComparisonOperators<T, T, bool>
    {
        var a = T.Parse(x, null);
        var b = T.Parse(y, null);
        var ordinal = Math.Sign(string.CompareOrdinal(x, y));
        return Math.Sign(a.CompareTo(b)) == ordinal
            && (a == b) == (ordinal == 0)
            && a.Equals(b) == (ordinal == 0)
            && (a < b) == (ordinal < 0)
            && (a >= b) == (ordinal >= 0)
            && (ordinal != 0 || a.GetHashCode() == b.GetHashCode())
            && T.Parse(a.ToString()!, null).Equals(a);
    }
}
