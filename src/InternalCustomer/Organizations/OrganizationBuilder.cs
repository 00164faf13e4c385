using System.Globalization;
using InternalCustomer.Agreements;
using InternalCustomer.Calendars;
using NodaTime;
using NodaTime.Text;

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
/// <c>departments[i]</c>, <c>services[i]</c>, <c>dependencies[i]</c>, <c>calendars[i]</c>, <c>agreements[i]</c>
/// (for example <c>agreements[3].consumer</c> or <c>agreements[0].services[1]</c>).</para>
/// <para>A builder is mutable and not thread-safe; the organisations it builds are immutable.</para>
/// </remarks>
public sealed class OrganizationBuilder
{
    private readonly List<RawDepartment> _departments = [];
    private readonly List<RawService> _services = [];
    private readonly List<RawDependency> _dependencies = [];
    private readonly List<(string? Id, BusinessCalendar Calendar)> _calendars = [];
    private readonly List<RawAgreement> _agreements = [];

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

        foreach (var (id, calendar) in organization.Calendars)
        {
            AddCalendar(id, calendar);
        }

        foreach (var agreement in organization.Agreements)
        {
            AddAgreement(agreement);
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

    /// <summary>Adds a business calendar under an id given as raw text; the id is validated when the organisation is built.</summary>
    /// <param name="id">The calendar id text.</param>
    /// <param name="calendar">The calendar.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is <see langword="null"/>.</exception>
    public OrganizationBuilder AddCalendar(string? id, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        _calendars.Add((id, calendar));
        return this;
    }

    /// <summary>Adds a business calendar.</summary>
    /// <param name="id">The calendar id.</param>
    /// <param name="calendar">The calendar.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is <see langword="null"/>.</exception>
    public OrganizationBuilder AddCalendar(CalendarId id, BusinessCalendar calendar) => AddCalendar(id.IsDefault ? null : id.Value, calendar);

    /// <summary>Adds a service agreement given as raw values; validated when the organisation is built.</summary>
    /// <remarks>An objective is present when either of its values is given; it then needs both. Objectives added this way
    /// have the default warning thresholds (50% and 75%); add a <see cref="ServiceAgreement"/> to choose others.</remarks>
    /// <param name="id">The agreement id text.</param>
    /// <param name="provider">The providing department's id text.</param>
    /// <param name="consumer">The consuming department's id text.</param>
    /// <param name="services">The id texts of the covered services, offered by the provider.</param>
    /// <param name="calendar">The id text of the calendar the timers run on.</param>
    /// <param name="effectiveFrom">The first day in effect.</param>
    /// <param name="effectiveUntil">The last day in effect (inclusive), or <see langword="null"/> for open-ended.</param>
    /// <param name="reviewCadence">How often the agreement is reviewed, for example <c>Period.FromMonths(3)</c>.</param>
    /// <param name="firstResponseWithin">The allowed business time to first response.</param>
    /// <param name="firstResponseTarget">The first-response target ratio in [0, 1).</param>
    /// <param name="resolutionWithin">The allowed business time to resolution.</param>
    /// <param name="resolutionTarget">The resolution target ratio in [0, 1).</param>
    /// <param name="satisfactionTarget">The share of satisfied feedback required, in [0, 1), or <see langword="null"/> for no satisfaction objective.</param>
    /// <returns>This builder.</returns>
    public OrganizationBuilder AddAgreement(
        string? id,
        string? provider,
        string? consumer,
        IEnumerable<string?>? services,
        string? calendar,
        LocalDate effectiveFrom,
        LocalDate? effectiveUntil,
        Period? reviewCadence,
        Duration? firstResponseWithin,
        double? firstResponseTarget,
        Duration? resolutionWithin,
        double? resolutionTarget,
        double? satisfactionTarget = null)
    {
        _agreements.Add(new RawAgreement(
            id,
            provider,
            consumer,
            services?.ToArray(),
            calendar,
            effectiveFrom,
            effectiveUntil,
            reviewCadence,
            RawObjective.From(firstResponseWithin, firstResponseTarget, null),
            RawObjective.From(resolutionWithin, resolutionTarget, null),
            satisfactionTarget));
        return this;
    }

    /// <summary>Adds a service agreement; its references and overlaps are validated when the organisation is built.</summary>
    /// <param name="agreement">The agreement.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="agreement"/> is <see langword="null"/>.</exception>
    public OrganizationBuilder AddAgreement(ServiceAgreement agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        _agreements.Add(new RawAgreement(
            agreement.Id.Value,
            agreement.Provider.Value,
            agreement.Consumer.Value,
            [.. agreement.Services.Select(s => s.Value)],
            agreement.Calendar.Value,
            agreement.EffectiveFrom,
            agreement.EffectiveUntil,
            agreement.ReviewCadence,
            RawObjective.From(agreement.FirstResponse),
            RawObjective.From(agreement.Resolution),
            agreement.Satisfaction?.Target));
        return this;
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
        var calendars = ValidateCalendars(problems);
        var agreements = ValidateAgreements(departmentIds, services.ToDictionary(s => s.Id, s => s.Provider), calendars, problems);

        return problems.Count > 0
            ? new OrganizationBuildResult(null, [.. problems])
            : new OrganizationBuildResult(new Organization(departments, services, dependencies, calendars, agreements), []);
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

    private Dictionary<CalendarId, BusinessCalendar> ValidateCalendars(List<ValidationProblem> problems)
    {
        var result = new Dictionary<CalendarId, BusinessCalendar>();
        var firstIndex = new Dictionary<CalendarId, int>();
        for (var i = 0; i < _calendars.Count; i++)
        {
            var at = $"calendars[{i}]";
            if (!TryId(_calendars[i].Id, "calendar", at + ".id", problems, out CalendarId id))
            {
                continue;
            }

            if (firstIndex.TryGetValue(id, out var first))
            {
                problems.Add(new ValidationProblem(ValidationProblemKind.DuplicateId, at + ".id", $"Calendar id '{id}' is already used by calendars[{first}]."));
                continue;
            }

            firstIndex.Add(id, i);
            result.Add(id, _calendars[i].Calendar);
        }

        return result;
    }

    private List<ServiceAgreement> ValidateAgreements(
        HashSet<DepartmentId> departments,
        Dictionary<ServiceId, DepartmentId> providerOf,
        Dictionary<CalendarId, BusinessCalendar> calendars,
        List<ValidationProblem> problems)
    {
        var result = new List<(ServiceAgreement Agreement, int Index)>();
        var firstIndex = new Dictionary<AgreementId, int>();
        for (var i = 0; i < _agreements.Count; i++)
        {
            var raw = _agreements[i];
            var at = $"agreements[{i}]";
            var ok = TryId(raw.Id, "agreement", at + ".id", problems, out AgreementId id);
            if (ok && firstIndex.TryGetValue(id, out var first))
            {
                problems.Add(new ValidationProblem(ValidationProblemKind.DuplicateId, at + ".id", $"Agreement id '{id}' is already used by agreements[{first}]."));
                ok = false;
            }
            else if (ok)
            {
                firstIndex.Add(id, i);
            }

            var parties = TryId(raw.Provider, "department", at + ".provider", problems, out DepartmentId provider);
            parties &= TryId(raw.Consumer, "department", at + ".consumer", problems, out DepartmentId consumer);
            if (parties)
            {
                foreach (var (role, dept) in new[] { ("provider", provider), ("consumer", consumer) })
                {
                    if (!departments.Contains(dept))
                    {
                        problems.Add(new ValidationProblem(
                            ValidationProblemKind.UnknownReference,
                            $"{at}.{role}",
                            $"Agreement {role} '{dept}' is not a department of this organization."));
                        parties = false;
                    }
                }

                if (provider == consumer)
                {
                    problems.Add(new ValidationProblem(
                        ValidationProblemKind.SelfReference,
                        at + ".consumer",
                        $"Department '{provider}' cannot have an agreement with itself (provider and consumer are both '{provider}')."));
                    parties = false;
                }
            }

            ok &= parties;
            var services = ValidateAgreementServices(raw, at, parties ? provider : null, providerOf, problems);
            ok &= services is not null;
            ok &= ValidateAgreementCalendar(raw.Calendar, at, calendars, problems, out var calendarId);
            ok &= ValidateAgreementTerms(raw, at, problems);
            if (!ok)
            {
                continue;
            }

            var agreement = new ServiceAgreement(
                id,
                provider,
                consumer,
                services!,
                calendarId,
                raw.EffectiveFrom,
                raw.EffectiveUntil,
                raw.ReviewCadence!,
                raw.FirstResponse?.ToObjective(ObjectiveKind.FirstResponse),
                raw.Resolution?.ToObjective(ObjectiveKind.Resolution),
                raw.SatisfactionTarget is { } t ? new SatisfactionObjective(t) : null);
            result.Add((agreement, i));
        }

        ReportOverlaps(result, problems);
        return [.. result.Select(r => r.Agreement)];
    }

    private static List<ServiceId>? ValidateAgreementServices(
        RawAgreement raw, string at, DepartmentId? provider, Dictionary<ServiceId, DepartmentId> providerOf, List<ValidationProblem> problems)
    {
        if (raw.Services is null || raw.Services.Length == 0)
        {
            problems.Add(new ValidationProblem(
                ValidationProblemKind.InvalidValue,
                at + ".services",
                $"An agreement must cover at least one service; got {(raw.Services is null ? "null" : "none")}."));
            return null;
        }

        var result = new List<ServiceId>();
        var seen = new Dictionary<ServiceId, int>();
        var ok = true;
        for (var j = 0; j < raw.Services.Length; j++)
        {
            var location = $"{at}.services[{j}]";
            if (!TryId(raw.Services[j], "service", location, problems, out ServiceId service))
            {
                ok = false;
                continue;
            }

            if (!seen.TryAdd(service, j))
            {
                problems.Add(new ValidationProblem(ValidationProblemKind.DuplicateId, location, $"Service '{service}' is already listed at {at}.services[{seen[service]}]."));
                ok = false;
                continue;
            }

            if (!providerOf.TryGetValue(service, out var offeredBy))
            {
                problems.Add(new ValidationProblem(ValidationProblemKind.UnknownReference, location, $"Service '{service}' is not a service of this organization."));
                ok = false;
                continue;
            }

            if (provider is { } p && offeredBy != p)
            {
                problems.Add(new ValidationProblem(
                    ValidationProblemKind.UnknownReference,
                    location,
                    $"Service '{service}' is offered by '{offeredBy}', not by the agreement's provider '{p}'."));
                ok = false;
                continue;
            }

            result.Add(service);
        }

        return ok ? result : null;
    }

    private static bool ValidateAgreementCalendar(
        string? raw, string at, Dictionary<CalendarId, BusinessCalendar> calendars, List<ValidationProblem> problems, out CalendarId id)
    {
        if (!TryId(raw, "calendar", at + ".calendar", problems, out id))
        {
            return false;
        }

        if (!calendars.TryGetValue(id, out var calendar))
        {
            problems.Add(new ValidationProblem(ValidationProblemKind.UnknownReference, at + ".calendar", $"Calendar '{id}' is not a calendar of this organization."));
            return false;
        }

        if (!calendar.HasWorkingTime)
        {
            problems.Add(new ValidationProblem(
                ValidationProblemKind.InvalidValue,
                at + ".calendar",
                $"Calendar '{id}' has no working time, so the agreement's timers could never run."));
            return false;
        }

        return true;
    }

    private static bool ValidateAgreementTerms(RawAgreement raw, string at, List<ValidationProblem> problems)
    {
        var ok = true;
        void Problem(string location, string message)
        {
            problems.Add(new ValidationProblem(ValidationProblemKind.InvalidValue, at + location, message));
            ok = false;
        }

        if (raw.EffectiveUntil is { } until && until < raw.EffectiveFrom)
        {
            var iso = LocalDatePattern.Iso;
            Problem(".effectiveUntil", $"The effective period must not end before it starts ({iso.Format(raw.EffectiveFrom)}); got an end of {iso.Format(until)}.");
        }

        if (ServiceAgreement.CheckReviewCadence(raw.ReviewCadence) is { } cadence)
        {
            Problem(".reviewCadence", cadence);
        }

        foreach (var (name, objective) in new[] { ("firstResponse", raw.FirstResponse), ("resolution", raw.Resolution) })
        {
            if (objective is null)
            {
                continue;
            }

            if (objective.Within is not { } within || within <= Duration.Zero)
            {
                Problem($".{name}.within", $"Allowed business time must be positive; got {(objective.Within is { } w ? w.ToString() : "null")}.");
            }

            if (objective.Target is not { } target)
            {
                Problem($".{name}.target", "Target ratio must be in [0, 1); got null.");
            }
            else if (ObjectiveGuard.CheckTarget(target) is { } targetProblem)
            {
                Problem($".{name}.target", targetProblem);
            }
        }

        if (raw.SatisfactionTarget is { } satisfaction && ObjectiveGuard.CheckTarget(satisfaction) is { } satisfactionProblem)
        {
            Problem(".satisfaction.target", satisfactionProblem);
        }

        if (raw.FirstResponse is null && raw.Resolution is null && raw.SatisfactionTarget is null)
        {
            Problem(".objectives", "An agreement needs at least one objective; got none.");
        }

        return ok;
    }

    private static void ReportOverlaps(List<(ServiceAgreement Agreement, int Index)> agreements, List<ValidationProblem> problems)
    {
        static string Period(ServiceAgreement a) =>
            $"{LocalDatePattern.Iso.Format(a.EffectiveFrom)} to {(a.EffectiveUntil is { } u ? LocalDatePattern.Iso.Format(u) : "open end")}";

        foreach (var pair in agreements.GroupBy(a => (a.Agreement.Provider, a.Agreement.Consumer)))
        {
            var list = pair.ToList();
            for (var j = 1; j < list.Count; j++)
            {
                for (var k = 0; k < j; k++)
                {
                    var (a, ai) = list[k];
                    var (b, bi) = list[j];
                    var shared = a.Services.Intersect(b.Services).FirstOrDefault();
                    if (shared.IsDefault || !a.EffectiveOverlaps(b))
                    {
                        continue;
                    }

                    problems.Add(new ValidationProblem(
                        ValidationProblemKind.OverlappingAgreement,
                        $"agreements[{bi}]",
                        $"Agreements '{a.Id}' (agreements[{ai}], {Period(a)}) and '{b.Id}' ({Period(b)}) both cover service '{shared}' from '{a.Provider}' to '{a.Consumer}' over overlapping periods."));
                }
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

    private sealed record RawObjective(Duration? Within, double? Target, IReadOnlyList<double>? WarningThresholds)
    {
        internal static RawObjective? From(Duration? within, double? target, IReadOnlyList<double>? thresholds) =>
            within is null && target is null ? null : new RawObjective(within, target, thresholds);

        internal static RawObjective? From(TimeObjective? objective) =>
            objective is null ? null : new RawObjective(objective.Within, objective.Target, objective.WarningThresholds);

        internal TimeObjective ToObjective(ObjectiveKind kind) => new(kind, Within!.Value, Target!.Value, WarningThresholds);
    }

    private sealed record RawAgreement(
        string? Id,
        string? Provider,
        string? Consumer,
        string?[]? Services,
        string? Calendar,
        LocalDate EffectiveFrom,
        LocalDate? EffectiveUntil,
        Period? ReviewCadence,
        RawObjective? FirstResponse,
        RawObjective? Resolution,
        double? SatisfactionTarget);
}
