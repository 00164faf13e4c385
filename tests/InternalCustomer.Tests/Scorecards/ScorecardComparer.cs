using System.Collections;
using System.Reflection;
using InternalCustomer.Feedback;
using InternalCustomer.Organizations;
using InternalCustomer.Scorecards;

namespace InternalCustomer.Tests.Scorecards;

/// <summary>Walks every public property of a scorecard (doubles by their bits) and reports the first path that differs;
/// options are compared but for <see cref="ScorecardOptions.MaxDegreeOfParallelism"/>.</summary>
internal static class ScorecardComparer
{
    public static string? FirstDifference(object? a, object? b) => Walk(a, b, "$", 0, new HashSet<object>(ReferenceEqualityComparer.Instance));

    private static string? Walk(object? a, object? b, string path, int depth, HashSet<object> seen)
    {
        if (a is null || b is null)
        {
            return (a is null) == (b is null) ? null : path + ": one is null";
        }

        if (a.GetType() != b.GetType())
        {
            return $"{path}: {a.GetType()} vs {b.GetType()}";
        }

        switch (a)
        {
            case double x:
                return BitConverter.DoubleToInt64Bits(x) == BitConverter.DoubleToInt64Bits((double)b) ? null : $"{path}: {x:R} vs {(double)b:R}";
            case ScorecardOptions x:
                // MaxDegreeOfParallelism changes how a scorecard is computed, not any of its figures.
                var y = (ScorecardOptions)b;
                return ReferenceEquals(x, y) || (x with { MaxDegreeOfParallelism = y.MaxDegreeOfParallelism }).Equals(y) ? null : $"{path}: {x} vs {y}";
            case string or Enum or Organization or RatingScale or DimensionSet:
                return a.Equals(b) || ReferenceEquals(a, b) ? null : $"{path}: {a} vs {b}";
        }

        var type = a.GetType();
        if (type.IsPrimitive || type.Namespace?.StartsWith("NodaTime", StringComparison.Ordinal) == true || (type.IsValueType && a is IComparable))
        {
            return a.Equals(b) ? null : $"{path}: {a} vs {b}";
        }

        if (depth > 30 || (!type.IsValueType && !seen.Add(a)))
        {
            return null;
        }

        if (a is IEnumerable ea && b is IEnumerable eb)
        {
            var la = ea.Cast<object?>().ToList();
            var lb = eb.Cast<object?>().ToList();
            if (la.Count != lb.Count)
            {
                return $"{path}: {la.Count} vs {lb.Count} elements";
            }

            for (var i = 0; i < la.Count; i++)
            {
                if (Walk(la[i], lb[i], $"{path}[{i}]", depth + 1, seen) is { } d)
                {
                    return d;
                }
            }

            return null;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.PropertyType.IsByRefLike)
            {
                continue;
            }

            if (Walk(property.GetValue(a), property.GetValue(b), path + "." + property.Name, depth + 1, seen) is { } d)
            {
                return d;
            }
        }

        return null;
    }
}
