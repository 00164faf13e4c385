using FsCheck;
using FsCheck.Fluent;
using InternalCustomer.Organizations;

namespace InternalCustomer.Tests.Generators;

/// <summary>
/// An organisation's builder inputs together with the problems deliberately planted in them.
/// </summary>
public sealed record PlantedOrganization(OrganizationBuilder Builder, IReadOnlyList<(ProblemKind Kind, ProblemLocation Location)> Planted, int Seed)
{
    public override string ToString() => $"seed {Seed}: planted {string.Join(", ", Planted.Select(p => $"{p.Kind}@{p.Location}"))}";
}

/// <summary>
/// FsCheck generators for the organisation model, reused by every area's tests.
/// Each generated value derives from one seed, printed on failure, so a failing case can be rebuilt
/// with <see cref="ValidOrganization(int)"/> or <see cref="InvalidOrganization(int)"/>.
/// </summary>
public static class OrganizationGenerators
{
    private static readonly string[] NamePool =
    [
        "Finance", "IT", "HR", "Procurement", "Logistics", "Quality", "Production line A",
        "人力资源部", "財務部", "Qualité & Conformité", "Lohnbüro", "Département \"Achats\"", "Back\\Office",
    ];

    private static readonly string[] IdStems = ["fin", "it", "hr", "ops", "qa", "人力资源部", "log", "prod.a", "prod_b", "sales-eu"];

    /// <summary>Valid department ids, including non-ASCII letters and the 1- and 64-character extremes.</summary>
    public static Arbitrary<DepartmentId> DepartmentIds() =>
        Gen.Choose(0, int.MaxValue - 1).Select(seed => DepartmentId.Parse(RandomId(new Random(seed)))).ToArbitrary();

    /// <summary>Valid organisations: random forests of departments, catalogues and declared dependencies.</summary>
    public static Arbitrary<Organization> Organizations() =>
        Gen.Choose(0, int.MaxValue - 1).Select(ValidOrganization).ToArbitrary();

    /// <summary>Builder inputs with 1–4 planted problems and the exact problems expected.</summary>
    public static Arbitrary<PlantedOrganization> InvalidOrganizations() =>
        Gen.Choose(0, int.MaxValue - 1).Select(InvalidOrganization).ToArbitrary();

    /// <summary>A random id obeying the identifier rule.</summary>
    public static string RandomId(Random random)
    {
        return random.Next(10) switch
        {
            0 => "x",
            1 => new string('d', 64),
            _ => IdStems[random.Next(IdStems.Length)] + "-" + random.Next(100_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Builds the valid organisation for a seed.</summary>
    public static Organization ValidOrganization(int seed) => ValidBuilder(new Random(seed), out _).Build();

    /// <summary>Builds builder inputs for a seed, shuffled, with the ids used.</summary>
    public static OrganizationBuilder ValidBuilder(Random random, out List<string> departmentIds)
    {
        var n = random.Next(0, 30);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (ids.Count < n)
        {
            ids.Add(RandomId(random));
        }

        // Parents are chosen among earlier departments of a random order, so the hierarchy is a forest.
        var order = ids.OrderBy(_ => random.Next()).ToList();
        var parents = new string?[n];
        for (var i = 0; i < n; i++)
        {
            parents[i] = i > 0 && random.Next(3) > 0 ? order[random.Next(i)] : null;
        }

        var builder = new OrganizationBuilder();
        foreach (var i in Enumerable.Range(0, n).OrderBy(_ => random.Next()))
        {
            builder.AddDepartment(order[i], NamePool[random.Next(NamePool.Length)], parents[i], random.Next(2) == 0 ? null : "Described " + i);
        }

        if (n > 0)
        {
            var services = random.Next(0, 40);
            for (var s = 0; s < services; s++)
            {
                builder.AddService($"svc-{s}", NamePool[random.Next(NamePool.Length)] + " service", order[random.Next(n)], random.Next(2) == 0 ? null : "category");
            }
        }

        if (n > 1)
        {
            var pairs = new HashSet<(string, string)>();
            var dependencies = random.Next(0, 3 * n);
            for (var k = 0; k < dependencies; k++)
            {
                var consumer = order[random.Next(n)];
                var provider = order[random.Next(n)];
                if (consumer != provider && pairs.Add((consumer, provider)))
                {
                    builder.AddDependency(provider: provider, consumer: consumer, criticality: random.Next(1, 6), volume: random.Next(2) == 0 ? null : random.Next(0, 500));
                }
            }
        }

        departmentIds = order;
        return builder;
    }

    /// <summary>
    /// Valid inputs plus 1–4 planted problems, each on fresh ids so that problems never interact.
    /// Entries are appended after the valid ones, so their locations are known.
    /// </summary>
    public static PlantedOrganization InvalidOrganization(int seed)
    {
        var random = new Random(seed);
        var builder = ValidBuilder(random, out var ids);
        var validDepartments = builder.TryBuild().Value!.Departments.Length;
        var services = builder.TryBuild().Value!.Services.Length;
        var dependencies = builder.TryBuild().Value!.Dependencies.Length;
        var planted = new List<(ProblemKind, ProblemLocation)>();
        var count = random.Next(1, 5);
        for (var p = 0; p < count; p++)
        {
            var fresh = $"planted-{p}";
            switch (random.Next(ids.Count > 0 ? 9 : 7))
            {
                case 0:
                    builder.AddDepartment("bad id " + p, "Has a space");
                    planted.Add((ProblemKind.InvalidId, At("departments", validDepartments++, "id")));
                    break;
                case 1:
                    builder.AddDepartment(fresh, "Orphan", parent: "missing-parent-" + p);
                    planted.Add((ProblemKind.UnknownReference, At("departments", validDepartments++, "parent")));
                    break;
                case 2:
                    builder.AddDepartment(fresh + "-a", "Cycle A", parent: fresh + "-b");
                    builder.AddDepartment(fresh + "-b", "Cycle B", parent: fresh + "-a");
                    planted.Add((ProblemKind.ParentCycle, At("departments", validDepartments, "parent")));
                    validDepartments += 2;
                    break;
                case 3:
                    builder.AddDepartment(fresh, "   ");
                    planted.Add((ProblemKind.InvalidValue, At("departments", validDepartments++, "name")));
                    break;
                case 4:
                    builder.AddService("planted-svc-" + p, "Nobody's", "missing-provider-" + p);
                    planted.Add((ProblemKind.UnknownReference, At("services", services++, "provider")));
                    break;
                case 5:
                    builder.AddService("planted svc " + p, "Bad id", "anyone");
                    planted.Add((ProblemKind.InvalidId, At("services", services++, "id")));
                    break;
                case 6:
                    builder.AddDependency(provider: "y" + p, consumer: "x" + p, criticality: 9);
                    planted.Add((ProblemKind.InvalidValue, At("dependencies", dependencies++, "criticality")));
                    break;
                case 7:
                    builder.AddDepartment(ids[random.Next(ids.Count)], "Duplicate");
                    planted.Add((ProblemKind.DuplicateId, At("departments", validDepartments++, "id")));
                    break;
                default:
                    var self = ids[random.Next(ids.Count)];
                    builder.AddDependency(self, self);
                    planted.Add((ProblemKind.SelfReference, At("dependencies", dependencies++)));
                    break;
            }
        }

        return new PlantedOrganization(builder, planted, seed);
    }

    /// <summary>A path from segments: a string is a property name, an int an index (<c>Path("agreements", 3, "services", 1)</c>).</summary>
    public static ProblemLocation Path(params object[] segments) =>
        ProblemLocation.FromPath(segments.Select(s => s is int i ? PathSegment.Element(i) : PathSegment.Property((string)s)));

    /// <summary>The location of an entry of a builder section, or of a part of it.</summary>
    public static ProblemLocation At(string section, int index, string? part = null)
    {
        var entry = ProblemLocation.Root.Property(section).Element(index);
        return part is null ? entry : entry.Property(part);
    }
}
