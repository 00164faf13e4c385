namespace InternalCustomer.Interchange;

/// <summary>
/// "Did you mean": the known identifier an unknown one is a near miss of, for the problem that says a reference names
/// nothing (an agreement, a department, a service, a calendar or a priority the organisation lacks).
/// </summary>
/// <remarks>
/// <para>The distance is the optimal string alignment distance (the restricted Damerau–Levenshtein distance: the fewest
/// insertions, deletions, substitutions and swaps of two adjacent characters that turn one text into the other, no
/// substring edited twice), counted in UTF-16 code units. <c>"teh"</c> is 1 from <c>"the"</c> (one swap),
/// <c>"kitten"</c> 3 from <c>"sitting"</c>, and <c>"CA"</c> 3 from <c>"ABC"</c> (the unrestricted distance would be 2).</para>
/// <para>The rule for a near miss: compared without regard to letter case (invariant upper case), the unknown id is at
/// most 2 edits from the known one and at most a third of its own length, but always 1 edit is allowed: 1 edit for ids of
/// 1 to 5 characters, 2 from 6 characters on. So <c>"it-sevice-desk"</c> suggests <c>"it-service-desk"</c> and
/// <c>"P7"</c> suggests nothing among <c>"P1"</c>..<c>"P4"</c> unless exactly one is 1 edit away. Only a unique nearest id
/// is suggested: when two known ids are equally near, the suggestion would be a guess, so there is none.</para>
/// <para>Pure functions of their arguments; thread-safe.</para>
/// </remarks>
public static class IdentifierSuggestion
{
    /// <summary>The most edits a near miss may be away, whatever its length.</summary>
    public const int MaximumEdits = 2;

    /// <summary>The optimal string alignment distance between two texts (ordinal: letter case counts).</summary>
    /// <param name="first">The first text.</param>
    /// <param name="second">The second text.</param>
    /// <returns>The fewest insertions, deletions, substitutions and adjacent swaps that turn <paramref name="first"/>
    /// into <paramref name="second"/>, no substring edited twice; 0 exactly when the texts are equal.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="first"/> or <paramref name="second"/> is <see langword="null"/>.</exception>
    public static int Distance(string first, string second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return Distance(first.AsSpan(), second.AsSpan(), int.MaxValue);
    }

    /// <summary>The most edits an unknown id of this length may be from a known one to be suggested: a third of the length,
    /// at least 1 and at most <see cref="MaximumEdits"/>.</summary>
    /// <param name="length">The unknown id's length.</param>
    /// <returns>1 for lengths 0 to 5, 2 from 6 on.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
    public static int AllowedEdits(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        return Math.Clamp(length / 3, 1, MaximumEdits);
    }

    /// <summary>The known id that <paramref name="unknown"/> is a near miss of, when exactly one is nearest.</summary>
    /// <param name="unknown">The id that names nothing.</param>
    /// <param name="known">The ids of the same kind that exist (repeats are ignored).</param>
    /// <returns>The unique nearest known id within <see cref="AllowedEdits"/> of <paramref name="unknown"/>, compared without
    /// regard to letter case; <see langword="null"/> when there is none or several are equally near.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="unknown"/>, <paramref name="known"/> or an element of it is <see langword="null"/>.</exception>
    public static string? Suggest(string unknown, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(unknown);
        ArgumentNullException.ThrowIfNull(known);
        var allowed = AllowedEdits(unknown.Length);
        var target = unknown.ToUpperInvariant();
        string? best = null;
        var bestDistance = int.MaxValue;
        var tie = false;
        foreach (var candidate in known)
        {
            ArgumentNullException.ThrowIfNull(candidate, nameof(known));
            if (string.Equals(candidate, best, StringComparison.Ordinal) || Math.Abs(candidate.Length - unknown.Length) > allowed)
            {
                continue;
            }

            var distance = Distance(target, candidate.ToUpperInvariant(), allowed);
            if (distance > allowed || distance > bestDistance)
            {
                continue;
            }

            tie = distance == bestDistance;
            if (!tie)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return tie ? null : best;
    }

    /// <summary>A problem's message with a suggestion: <c>Calendar 'standrad' is not a calendar of this organization; did you
    /// mean "standard"?</c> (the message's closing full stop gives way to the question).</summary>
    /// <param name="message">The message saying that a reference names nothing.</param>
    /// <param name="suggestion">The near-miss id (<see cref="Suggest"/>); shown as its first 57 characters and "..." when longer than 60.</param>
    /// <returns>The message with <c>; did you mean "suggestion"?</c> in place of its closing full stop.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> or <paramref name="suggestion"/> is <see langword="null"/>.</exception>
    public static string WithSuggestion(string message, string suggestion)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(suggestion);
        return $"{(message.EndsWith('.') ? message[..^1] : message)}; did you mean \"{Records.Snippet.Of(suggestion)}\"?";
    }

    // Three rows of the dynamic programme (the one before last for the swap); gives up with limit + 1 once every cell of a
    // row is above the limit, since later rows never go below their predecessor's minimum.
    private static int Distance(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int limit)
    {
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMinimum = Math.Min(rowMinimum, value);
            }

            if (rowMinimum > limit)
            {
                return limit == int.MaxValue ? rowMinimum : limit + 1;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }
}
