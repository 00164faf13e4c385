using System.Globalization;

namespace InternalCustomer.Organizations;

/// <summary>
/// Collects the parts of an <see cref="Organization"/> and validates them all at once.
/// </summary>
/// <remarks>
/// <para>The builder accepts raw text as well as typed values, so that a host can feed it whatever
/// it read and receive every problem in one pass: <see cref="TryBuild"/> returns them all,
/// <see cref="Build"/> throws an <see cref="OrganizationValidationException"/> carrying them all.
/// Nothing is checked when an entry is added (beyond <see langword="null"/> entries), so adding never throws for bad data.</para>
/// <para>Problem locations number entries from 0 per section in the order they were added:
/// <c>departments[i]</c>, <c>services[i]</c>, <c>dependencies[i]</c>.</para>
/// <para>A builder is mutable and not thread-safe; the organisations it builds are immutable.</para>
/// </remarks>
public sealed class OrganizationBuilder
{
    private readonly List<RawDepartment> _departments = [];
    private readonly List<RawService> _services = [];
    private readonly List<RawDependency> _dependencies = [];

    /// <summary>Creates an empty builder.</summary>
    public OrganizationBuilder()
    {
    }

    internal OrganizationBuilder(Organization organization)
    {
        foreach (var d in organization.Departments)
        {
            AddDepartment(d);
        }

        foreach (var s in organization.Services)
        {
            AddService(s);
        }

        foreach (var dep in organization.Dependencies)
        {
            AddDependency(dep);
        }
    }

    /// <summary>Adds a department given as raw text; validated when the organisation is built.</summary>
    /// <param name="id">The department id text.</param>
    /// <param name="name">The display name.</param>
    /// <param name="parent">The parent department id text, or <see langword="null"/> for a root.</param>
    /// <param name="description">An optional description.</param>
    /// <returns>This builder.</returns>
    public OrganizationBuilder AddDepartment(string? id, string? name, string? parent = null, string? description = null)
    {
        _departments.Add(new RawDepartment(id, name, parent, description));
        return this;
    }

    /// <summary>Adds a department.</summary>
    /// <param name="department">The department.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="department"/> is <see langword="null"/>.</exception>
    public OrganizationBuilder AddDepartment(Department department)
    {
        ArgumentNullException.ThrowIfNull(department);
        return AddDepartment(department.Id.Value, department.Name, department.Parent?.Value, department.Description);
    }

    /// <summary>Adds a service given as raw text; validated when the organisation is built.</summary>
    /// <param name="id">The service id text.</param>
    /// <param name="name">The display name.</param>
    /// <param name="provider">The providing department's id text.</param>
    /// <param name="category">An optional category.</param>
    /// <returns>This builder.</returns>
    public OrganizationBuilder AddService(string? id, string? name, string? provider, string? category = null)
    {
        _services.Add(new RawService(id, name, provider, category));
        return this;
    }

    /// <summary>Adds a service.</summary>
    /// <param name="service">The service.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="service"/> is <see langword="null"/>.</exception>
    public OrganizationBuilder AddService(Service service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return AddService(service.Id.Value, service.Name, service.Provider.Value, service.Category);
    }

    /// <summary>Adds a declared dependency given as raw values; validated when the organisation is built.</summary>
    /// <param name="consumer">The id text of the department that depends.</param>
    /// <param name="provider">The id text of the department depended on.</param>
    /// <param name="criticality">Criticality from 1 to 5.</param>
    /// <param name="volume">Optional request volume, finite and non-negative.</param>
    /// <returns>This builder.</returns>
    public OrganizationBuilder AddDependency(string? consumer, string? provider, int criticality = 3, double? volume = null)
    {
        _dependencies.Add(new RawDependency(consumer, provider, criticality, volume));
        return this;
    }

    /// <summary>Adds a declared dependency.</summary>
    /// <param name="dependency">The dependency.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dependency"/> is <see langword="null"/>.</exception>
    public OrganizationBuilder AddDependency(DeclaredDependency dependency)
    {
        ArgumentNullException.ThrowIfNull(dependency);
        return AddDependency(dependency.Consumer.Value, dependency.Provider.Value, dependency.Criticality.Value, dependency.Volume);
    }

    /// <summary>Validates everything added and builds the organisation, or reports every problem.</summary>
    /// <returns>The organisation, or the problems that prevent it.</returns>
    public OrganizationBuildResult TryBuild()
    {
        var problems = new List<ValidationProblem>();
        var departments = ValidateDepartments(problems);
        var departmentIds = departments.Select(d => d.Id).ToHashSet();
        var services = ValidateServices(departmentIds, problems);
        var dependencies = ValidateDependencies(departmentIds, problems);
        ValidateParentCycles(departments, problems);

        return problems.Count > 0
            ? new OrganizationBuildResult(null, [.. problems])
            : new OrganizationBuildResult(new Organization(departments, services, dependencies), []);
    }

    /// <summary>Validates everything added and builds the organisation.</summary>
    /// <returns>The organisation.</returns>
    /// <exception cref="OrganizationValidationException">There is at least one problem; the exception lists them all.</exception>
    public Organization Build()
    {
        var result = TryBuild();
        return result.IsValid ? result.Organization : throw new OrganizationValidationException(result.Problems);
    }

    private List<Department> ValidateDepartments(List<ValidationProblem> problems)
    {
        var result = new List<Department>(_departments.Count);
        var firstIndex = new Dictionary<DepartmentId, int>();
        for (var i = 0; i < _departments.Count; i++)
        {
            var raw = _departments[i];
            var at = $"departments[{i}]";
            var ok = TryId(raw.Id, "department", at + ".id", problems, out DepartmentId id);
            ok &= CheckName(raw.Name, at + ".name", problems);
            DepartmentId? parent = null;
            if (raw.Parent is not null)
            {
                ok &= TryId(raw.Parent, "department", at + ".parent", problems, out DepartmentId p);
                parent = p;
            }

            if (!ok)
            {
                continue;
            }

            if (firstIndex.TryGetValue(id, out var first))
            {
                problems.Add(new ValidationProblem(
                    ValidationProblemKind.DuplicateId,
                    at + ".id",
                    $"Department id '{id}' is already used by departments[{first}]."));
                continue;
            }

            if (parent == id)
            {
                problems.Add(new ValidationProblem(
                    ValidationProblemKind.ParentCycle,
                    at + ".parent",
                    $"Department '{id}' names itself as its parent (parent cycle: {id} → {id})."));
                continue;
            }

            firstIndex.Add(id, i);
            result.Add(new Department(id, raw.Name!, parent, raw.Description));
        }

        // Parents are checked once every id is known, so a parent may be added after its child.
        var valid = new List<Department>(result.Count);
        foreach (var d in result)
        {
            if (d.Parent is { } p && !firstIndex.ContainsKey(p))
            {
                problems.Add(new ValidationProblem(
                    ValidationProblemKind.UnknownReference,
                    $"departments[{firstIndex[d.Id]}].parent",
                    $"Department '{d.Id}' names parent '{p}', which is not a department of this organization."));
                valid.Add(new Department(d.Id, d.Name, null, d.Description));
                continue;
            }

            valid.Add(d);
        }

        return valid;
    }

    private List<Service> ValidateServices(HashSet<DepartmentId> departments, List<ValidationProblem> problems)
    {
        var result = new List<Service>(_services.Count);
        var firstIndex = new Dictionary<ServiceId, int>();
        for (var i = 0; i < _services.Count; i++)
        {
            var raw = _services[i];
            var at = $"services[{i}]";
            var ok = TryId(raw.Id, "service", at + ".id", problems, out ServiceId id);
            ok &= CheckName(raw.Name, at + ".name", problems);
            ok &= TryId(raw.Provider, "department", at + ".provider", problems, out DepartmentId provider);
            if (!ok)
            {
                continue;
            }

            if (firstIndex.TryGetValue(id, out var first))
            {
                problems.Add(new ValidationProblem(
                    ValidationProblemKind.DuplicateId,
                    at + ".id",
                    $"Service id '{id}' is already used by services[{first}]."));
                continue;
            }

            firstIndex.Add(id, i);
            if (!departments.Contains(provider))
            {
                problems.Add(new ValidationProblem(
                    ValidationProblemKind.UnknownReference,
                    at + ".provider",
                    $"Service '{id}' names provider '{provider}', which is not a department of this organization."));
                continue;
            }

            result.Add(new Service(id, raw.Name!, provider, raw.Category));
        }

        return result;
    }

    private List<DeclaredDependency> ValidateDependencies(HashSet<DepartmentId> departments, List<ValidationProblem> problems)
    {
        var result = new List<DeclaredDependency>(_dependencies.Count);
        var firstIndex = new Dictionary<(DepartmentId, DepartmentId), int>();
        for (var i = 0; i < _dependencies.Count; i++)
        {
            var raw = _dependencies[i];
            var at = $"dependencies[{i}]";
            var ok = TryId(raw.Consumer, "department", at + ".consumer", problems, out DepartmentId consumer);
            ok &= TryId(raw.Provider, "department", at + ".provider", problems, out DepartmentId provider);
            if (raw.Criticality is < Criticality.MinValue or > Criticality.MaxValue)
            {
                problems.Add(new ValidationProblem(
                    ValidationProblemKind.InvalidValue,
                    at + ".criticality",
                    string.Create(CultureInfo.InvariantCulture, $"Criticality must be an integer from 1 to 5; got {raw.Criticality}.")));
                ok = false;
            }

            if (raw.Volume is { } v && (!double.IsFinite(v) || v < 0))
            {
                problems.Add(new ValidationProblem(
                    ValidationProblemKind.InvalidValue,
                    at + ".volume",
                    string.Create(CultureInfo.InvariantCulture, $"Volume must be a finite number >= 0; got {v}.")));
                ok = false;
            }

            if (!ok)
            {
                continue;
            }

            if (consumer == provider)
            {
                problems.Add(new ValidationProblem(
                    ValidationProblemKind.SelfReference,
                    at,
                    $"Department '{consumer}' cannot depend on itself."));
                continue;
            }

            var known = true;
            foreach (var (role, dept) in new[] { ("consumer", consumer), ("provider", provider) })
            {
                if (!departments.Contains(dept))
                {
                    problems.Add(new ValidationProblem(
                        ValidationProblemKind.UnknownReference,
                        $"{at}.{role}",
                        $"Dependency {role} '{dept}' is not a department of this organization."));
                    known = false;
                }
            }

            if (!known)
            {
                continue;
            }

            if (firstIndex.TryGetValue((consumer, provider), out var first))
            {
                problems.Add(new ValidationProblem(
                    ValidationProblemKind.DuplicateId,
                    at,
                    $"The dependency of '{consumer}' on '{provider}' is already declared by dependencies[{first}]."));
                continue;
            }

            firstIndex.Add((consumer, provider), i);
            result.Add(new DeclaredDependency(consumer, provider, Criticality.From(raw.Criticality), raw.Volume));
        }

        return result;
    }

    private void ValidateParentCycles(List<Department> departments, List<ValidationProblem> problems)
    {
        var parentOf = departments.ToDictionary(d => d.Id, d => d.Parent);
        var addedAt = new Dictionary<DepartmentId, int>();
        for (var i = 0; i < _departments.Count; i++)
        {
            if (DepartmentId.TryParse(_departments[i].Id, out var id))
            {
                addedAt.TryAdd(id, i);
            }
        }

        // Each department has at most one parent, so following parents from any start either
        // reaches a root or enters exactly one cycle. Walks are coloured by their start so that
        // every cycle is found once, in O(n) overall.
        var walkOf = new Dictionary<DepartmentId, int>();
        var walk = 0;
        foreach (var start in departments.Select(d => d.Id).Order())
        {
            walk++;
            var path = new List<DepartmentId>();
            DepartmentId? current = start;
            while (current is { } c && !walkOf.ContainsKey(c))
            {
                walkOf[c] = walk;
                path.Add(c);
                current = parentOf[c];
            }

            if (current is { } hit && walkOf[hit] == walk)
            {
                var cycle = path.Skip(path.IndexOf(hit)).ToList();
                var smallest = cycle.Min();
                var rotate = cycle.IndexOf(smallest);
                cycle = [.. cycle.Skip(rotate), .. cycle.Take(rotate)];
                var names = string.Join(" → ", cycle.Append(cycle[0]));
                problems.Add(new ValidationProblem(
                    ValidationProblemKind.ParentCycle,
                    $"departments[{addedAt[smallest]}].parent",
                    $"Parent links form a cycle through {cycle.Count} departments: {names}."));
            }
        }
    }

    private static bool TryId<TId>(string? raw, string kind, string location, List<ValidationProblem> problems, out TId id)
        where TId : struct, IParsable<TId>
    {
        var problem = IdentifierRules.Check(raw, kind);
        if (problem is not null)
        {
            problems.Add(new ValidationProblem(ValidationProblemKind.InvalidId, location, problem));
            id = default;
            return false;
        }

        id = TId.Parse(raw!, CultureInfo.InvariantCulture);
        return true;
    }

    private static bool CheckName(string? name, string location, List<ValidationProblem> problems)
    {
        if (!string.IsNullOrWhiteSpace(name))
        {
            return true;
        }

        var got = name is null ? "null" : $"\"{name}\"";
        problems.Add(new ValidationProblem(ValidationProblemKind.InvalidValue, location, $"A name must be non-blank text; got {got}."));
        return false;
    }

    private sealed record RawDepartment(string? Id, string? Name, string? Parent, string? Description);

    private sealed record RawService(string? Id, string? Name, string? Provider, string? Category);

    private sealed record RawDependency(string? Consumer, string? Provider, int Criticality, double? Volume);
}
