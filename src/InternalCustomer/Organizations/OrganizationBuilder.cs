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
/// <para>Every <see cref="Problem"/> has a <see cref="ProblemKind"/> and a <see cref="ProblemLocation"/> path that numbers
/// entries from 0 per section in the order they were added: <c>departments[i]</c>, <c>services[i]</c>,
/// <c>dependencies[i]</c>, <c>calendars[i]</c>, <c>agreements[i]</c>, then the part at fault, rendered as a JSON path
/// (<c>$.agreements[3].consumer</c>, <c>$.agreements[0].services[1]</c>). The sections and part names are those of
/// the organisation document, so a reader that adds one entry per document entry gets problems at the document's paths.</para>
/// <para>A builder is mutable and not thread-safe; the organisations it builds are immutable.</para>
/// </remarks>
public sealed class OrganizationBuilder
{
    private readonly List<RawDepartment> _departments = [];
    private readonly List<RawService> _services = [];
    private readonly List<RawDependency> _dependencies = [];
    private readonly List<(string? Id, BusinessCalendar? Calendar)> _calendars = [];
    private readonly List<AgreementDraft> _agreements = [];
    private readonly List<string?> _priorities = [];

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

        foreach (var priority in organization.Priorities)
        {
            AddPriority(priority);
        }
    }

    /// <summary>Declares the next request priority, in order from the highest (P1) down; validated when the organisation is built.</summary>
    /// <param name="id">The priority id text, for example <c>P1</c>.</param>
    /// <returns>This builder.</returns>
    public OrganizationBuilder AddPriority(string? id)
    {
        _priorities.Add(id);
        return this;
    }

    /// <summary>Declares the next request priority, in order from the highest (P1) down.</summary>
    /// <param name="id">The priority.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is <c>default</c>.</exception>
    public OrganizationBuilder AddPriority(PriorityId id) => AddPriority(ModelGuard.NotDefault(id, nameof(id)).Value);

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
    /// <param name="provider">The id text of the department depended on (the internal supplier).</param>
    /// <param name="consumer">The id text of the department that depends (the internal customer).</param>
    /// <param name="criticality">Criticality from 1 to 5.</param>
    /// <param name="volume">Optional request volume, finite and non-negative.</param>
    /// <returns>This builder.</returns>
    public OrganizationBuilder AddDependency(string? provider, string? consumer, int criticality = 3, double? volume = null)
    {
        _dependencies.Add(new RawDependency(provider, consumer, criticality, volume));
        return this;
    }

    /// <summary>Adds a declared dependency.</summary>
    /// <param name="dependency">The dependency.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dependency"/> is <see langword="null"/>.</exception>
    public OrganizationBuilder AddDependency(DeclaredDependency dependency)
    {
        ArgumentNullException.ThrowIfNull(dependency);
        return AddDependency(dependency.Provider.Value, dependency.Consumer.Value, dependency.Criticality.Value, dependency.Volume);
    }

    /// <summary>Adds a business calendar under an id given as raw text; the id is validated when the organisation is built.</summary>
    /// <remarks>A <see langword="null"/> calendar (one a reader could not make) is reported as a problem of the entry when the organisation is built,
    /// so that entries keep their positions.</remarks>
    /// <param name="id">The calendar id text.</param>
    /// <param name="calendar">The calendar.</param>
    /// <returns>This builder.</returns>
    public OrganizationBuilder AddCalendar(string? id, BusinessCalendar? calendar)
    {
        _calendars.Add((id, calendar));
        return this;
    }

    /// <summary>Adds a business calendar.</summary>
    /// <param name="id">The calendar id.</param>
    /// <param name="calendar">The calendar.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is <see langword="null"/>.</exception>
    public OrganizationBuilder AddCalendar(CalendarId id, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return AddCalendar(id.IsDefault ? null : id.Value, calendar);
    }

    /// <summary>Adds a service agreement given as a draft of named raw parts; validated when the organisation is built.</summary>
    /// <param name="agreement">The draft; see <see cref="AgreementDraft"/> for an example.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="agreement"/> is <see langword="null"/>.</exception>
    public OrganizationBuilder AddAgreement(AgreementDraft agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        _agreements.Add(agreement with { Services = agreement.Services?.ToArray() });
        return this;
    }

    /// <summary>Adds a service agreement; its references and overlaps are validated when the organisation is built.</summary>
    /// <param name="agreement">The agreement.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="agreement"/> is <see langword="null"/>.</exception>
    public OrganizationBuilder AddAgreement(ServiceAgreement agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);

        // One set for every request is written as plain objectives, so that a document round trip keeps its shape.
        var single = agreement.ObjectiveSets.IsEmpty || (agreement.ObjectiveSets is [{ Selector.IsAny: true, Name: ObjectiveSet.DefaultName }]);
        return AddAgreement(new AgreementDraft(agreement.Id.Value)
        {
            Provider = agreement.Provider.Value,
            Consumer = agreement.Consumer.Value,
            Services = [.. agreement.Services.Select(s => s.Value)],
            Calendar = agreement.Calendar.Value,
            EffectiveFrom = agreement.EffectiveFrom,
            EffectiveUntil = agreement.EffectiveUntil,
            ReviewCadence = agreement.ReviewCadence,
            FirstResponse = single ? Draft(agreement.FirstResponse) : null,
            Resolution = single ? Draft(agreement.Resolution) : null,
            SatisfactionTarget = agreement.Satisfaction?.Target,
            ObjectiveSets = single ? null : [.. agreement.ObjectiveSets.Select(SetDraft)],
            Exclusions = agreement.Exclusions.IsEmpty ? null : [.. agreement.Exclusions],
        });

        static ObjectiveDraft? Draft(TimeObjective? o) =>
            o is null
                ? null
                : new ObjectiveDraft(o.BusinessDays is null ? o.Within : null, o.Target, [.. o.WarningThresholds]) { BusinessDays = o.BusinessDays, Clock = o.Clock };

        static ObjectiveSetDraft SetDraft(ObjectiveSet set) => new(set.Name)
        {
            Priorities = set.Selector.Priorities.IsEmpty ? null : [.. set.Selector.Priorities.Select(p => p.Value)],
            Services = set.Selector.Services.IsEmpty ? null : [.. set.Selector.Services.Select(v => v.Value)],
            Categories = set.Selector.Categories.IsEmpty ? null : [.. set.Selector.Categories],
            FirstResponse = Draft(set.FirstResponse),
            Resolution = Draft(set.Resolution),
        };
    }

    /// <summary>Validates everything added and builds the organisation, or reports every problem.</summary>
    /// <returns>The organisation, or every problem that prevents it, each with its location.</returns>
    public Result<Organization> TryBuild()
    {
        var problems = new List<Problem>();
        var departments = ValidateDepartments(problems);
        var departmentIds = departments.Select(d => d.Id).ToHashSet();
        var services = ValidateServices(departmentIds, problems);
        var dependencies = ValidateDependencies(departmentIds, problems);
        ValidateParentCycles(departments, problems);
        var calendars = ValidateCalendars(problems);
        var priorities = ValidatePriorities(problems);
        var agreements = ValidateAgreements(departmentIds, services.ToDictionary(s => s.Id, s => s.Provider), calendars, [.. priorities], problems);

        return problems.Count > 0
            ? Result.Failure<Organization>(problems)
            : Result.Success(new Organization(departments, services, dependencies, calendars, agreements, priorities));
    }

    /// <summary>Validates everything added and builds the organisation.</summary>
    /// <returns>The organisation.</returns>
    /// <exception cref="OrganizationValidationException">There is at least one problem; the exception carries them all.</exception>
    public Organization Build()
    {
        var result = TryBuild();
        return result.IsSuccess ? result.Value : throw new OrganizationValidationException(result.Problems);
    }

    private static ProblemLocation Entry(string section, int index) => ProblemLocation.Root.Property(section).Element(index);

    /// <summary>
    /// The one duplicate check: claims <paramref name="key"/> for the entry at <paramref name="entry"/>, or reports a
    /// <see cref="ProblemKind.DuplicateId"/> at <paramref name="at"/> naming the entry that claimed it first.
    /// </summary>
    private static bool Claim<TKey>(
        Dictionary<TKey, ProblemLocation> claimed, TKey key, ProblemLocation entry, ProblemLocation at, List<Problem> problems, Func<ProblemLocation, string> message)
        where TKey : notnull
    {
        if (claimed.TryGetValue(key, out var first))
        {
            problems.Add(new Problem(ProblemKind.DuplicateId, at, message(first)));
            return false;
        }

        claimed.Add(key, entry);
        return true;
    }

    private List<Department> ValidateDepartments(List<Problem> problems)
    {
        var result = new List<(Department Department, ProblemLocation Entry)>(_departments.Count);
        var claimed = new Dictionary<DepartmentId, ProblemLocation>();
        for (var i = 0; i < _departments.Count; i++)
        {
            var raw = _departments[i];
            var at = Entry("departments", i);
            var ok = TryIdAndName(raw.Id, raw.Name, "department", at, problems, out DepartmentId id);
            DepartmentId? parent = null;
            if (raw.Parent is not null)
            {
                ok &= TryId(raw.Parent, "department", at.Property("parent"), problems, out DepartmentId p);
                parent = p;
            }

            if (!ok || !Claim(claimed, id, at, at.Property("id"), problems, first => $"Department id '{id}' is already used by {first}."))
            {
                continue;
            }

            if (parent == id)
            {
                problems.Add(new Problem(
                    ProblemKind.ParentCycle,
                    at.Property("parent"),
                    $"Department '{id}' names itself as its parent (parent cycle: {id} → {id})."));
                claimed.Remove(id);
                continue;
            }

            result.Add((new Department(id, raw.Name!, parent, raw.Description), at));
        }

        // Parents are checked once every id is known, so a parent may be added after its child.
        var valid = new List<Department>(result.Count);
        foreach (var (d, at) in result)
        {
            if (d.Parent is { } p && !claimed.ContainsKey(p))
            {
                problems.Add(new Problem(
                    ProblemKind.UnknownReference,
                    at.Property("parent"),
                    $"Department '{d.Id}' names parent '{p}', which is not a department of this organization."));
                valid.Add(new Department(d.Id, d.Name, null, d.Description));
                continue;
            }

            valid.Add(d);
        }

        return valid;
    }

    private List<Service> ValidateServices(HashSet<DepartmentId> departments, List<Problem> problems)
    {
        var result = new List<Service>(_services.Count);
        var claimed = new Dictionary<ServiceId, ProblemLocation>();
        for (var i = 0; i < _services.Count; i++)
        {
            var raw = _services[i];
            var at = Entry("services", i);
            var ok = TryIdAndName(raw.Id, raw.Name, "service", at, problems, out ServiceId id);
            ok &= TryId(raw.Provider, "department", at.Property("provider"), problems, out DepartmentId provider);
            if (!ok || !Claim(claimed, id, at, at.Property("id"), problems, first => $"Service id '{id}' is already used by {first}."))
            {
                continue;
            }

            if (!departments.Contains(provider))
            {
                problems.Add(new Problem(
                    ProblemKind.UnknownReference,
                    at.Property("provider"),
                    $"Service '{id}' names provider '{provider}', which is not a department of this organization."));
                continue;
            }

            result.Add(new Service(id, raw.Name!, provider, raw.Category));
        }

        return result;
    }

    private List<DeclaredDependency> ValidateDependencies(HashSet<DepartmentId> departments, List<Problem> problems)
    {
        var result = new List<DeclaredDependency>(_dependencies.Count);
        var claimed = new Dictionary<(DepartmentId, DepartmentId), ProblemLocation>();
        for (var i = 0; i < _dependencies.Count; i++)
        {
            var raw = _dependencies[i];
            var at = Entry("dependencies", i);
            var ok = TryId(raw.Provider, "department", at.Property("provider"), problems, out DepartmentId provider);
            ok &= TryId(raw.Consumer, "department", at.Property("consumer"), problems, out DepartmentId consumer);
            if (raw.Criticality is < Criticality.MinValue or > Criticality.MaxValue)
            {
                problems.Add(new Problem(
                    ProblemKind.InvalidValue,
                    at.Property("criticality"),
                    string.Create(CultureInfo.InvariantCulture, $"Criticality must be an integer from 1 to 5; got {raw.Criticality}.")));
                ok = false;
            }

            if (raw.Volume is { } v && (!double.IsFinite(v) || v < 0))
            {
                problems.Add(new Problem(
                    ProblemKind.InvalidValue,
                    at.Property("volume"),
                    string.Create(CultureInfo.InvariantCulture, $"Volume must be a finite number >= 0; got {v}.")));
                ok = false;
            }

            if (!ok)
            {
                continue;
            }

            if (consumer == provider)
            {
                problems.Add(new Problem(ProblemKind.SelfReference, at, $"Department '{consumer}' cannot depend on itself."));
                continue;
            }

            if (PartiesKnown("Dependency", provider, consumer, departments, at, problems) && Claim(claimed, (provider, consumer), at, at, problems, first => $"The dependency of '{consumer}' on '{provider}' is already declared by {first}."))
            {
                result.Add(new DeclaredDependency(provider, consumer, Criticality.From(raw.Criticality), raw.Volume));
            }
        }

        return result;
    }

    private void ValidateParentCycles(List<Department> departments, List<Problem> problems)
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
                problems.Add(new Problem(
                    ProblemKind.ParentCycle,
                    Entry("departments", addedAt[smallest]).Property("parent"),
                    $"Parent links form a cycle through {cycle.Count} departments: {names}."));
            }
        }
    }

    private Dictionary<CalendarId, BusinessCalendar> ValidateCalendars(List<Problem> problems)
    {
        var result = new Dictionary<CalendarId, BusinessCalendar>();
        var claimed = new Dictionary<CalendarId, ProblemLocation>();
        for (var i = 0; i < _calendars.Count; i++)
        {
            var at = Entry("calendars", i);
            var (raw, calendar) = _calendars[i];
            var ok = TryId(raw, "calendar", at.Property("id"), problems, out CalendarId id);
            if (calendar is null)
            {
                problems.Add(new Problem(ProblemKind.MissingValue, at, "Expected a business calendar for this entry; got null."));
                ok = false;
            }

            if (ok && Claim(claimed, id, at, at.Property("id"), problems, first => $"Calendar id '{id}' is already used by {first}."))
            {
                result.Add(id, calendar!);
            }
        }

        return result;
    }

    private List<PriorityId> ValidatePriorities(List<Problem> problems)
    {
        var result = new List<PriorityId>();
        var claimed = new Dictionary<PriorityId, ProblemLocation>();
        for (var i = 0; i < _priorities.Count; i++)
        {
            var at = Entry("priorities", i);
            if (TryId(_priorities[i], "priority", at, problems, out PriorityId id)
                && Claim(claimed, id, at, at, problems, first => $"Priority '{id}' is already declared at {first}."))
            {
                result.Add(id);
            }
        }

        return result;
    }

    private List<ServiceAgreement> ValidateAgreements(
        HashSet<DepartmentId> departments,
        Dictionary<ServiceId, DepartmentId> providerOf,
        Dictionary<CalendarId, BusinessCalendar> calendars,
        HashSet<PriorityId> priorities,
        List<Problem> problems)
    {
        var result = new List<(ServiceAgreement Agreement, ProblemLocation Entry)>();
        var claimed = new Dictionary<AgreementId, ProblemLocation>();
        for (var i = 0; i < _agreements.Count; i++)
        {
            var draft = _agreements[i];
            var at = Entry("agreements", i);
            var ok = TryId(draft.Id, "agreement", at.Property("id"), problems, out AgreementId id)
                && Claim(claimed, id, at, at.Property("id"), problems, first => $"Agreement id '{id}' is already used by {first}.");

            var parties = TryId(draft.Provider, "department", at.Property("provider"), problems, out DepartmentId provider);
            parties &= TryId(draft.Consumer, "department", at.Property("consumer"), problems, out DepartmentId consumer);
            if (parties)
            {
                parties = PartiesKnown("Agreement", provider, consumer, departments, at, problems);
                if (provider == consumer)
                {
                    problems.Add(new Problem(
                        ProblemKind.SelfReference,
                        at.Property("consumer"),
                        $"Department '{provider}' cannot have an agreement with itself (provider and consumer are both '{provider}')."));
                    parties = false;
                }
            }

            ok &= parties;
            var services = ValidateAgreementServices(draft.Services, at, parties ? provider : null, providerOf, problems);
            ok &= services is not null;
            ok &= ValidateAgreementCalendar(draft.Calendar, at, calendars, problems, out var calendarId);
            ok &= ValidateAgreementTerms(draft, at, problems);
            var sets = ValidateObjectiveSets(draft, at, services, priorities, problems);
            ok &= sets is not null;
            var exclusions = new List<ExclusionWindow>();
            for (var e = 0; e < (draft.Exclusions?.Count ?? 0); e++)
            {
                if (draft.Exclusions![e] is { } window)
                {
                    exclusions.Add(window);
                }
                else
                {
                    problems.Add(new Problem(ProblemKind.MissingValue, at.Property("exclusions").Element(e), $"Exclusion {e} must be a window; got null."));
                    ok = false;
                }
            }

            if (!ok)
            {
                continue;
            }

            var satisfaction = draft.SatisfactionTarget is { } t ? new SatisfactionObjective(t) : null;
            var agreement = draft.ObjectiveSets is null
                ? new ServiceAgreement(
                    id,
                    provider,
                    consumer,
                    services!,
                    calendarId,
                    draft.EffectiveFrom!.Value,
                    draft.EffectiveUntil,
                    draft.ReviewCadence!,
                    ToObjective(ObjectiveKind.FirstResponse, draft.FirstResponse),
                    ToObjective(ObjectiveKind.Resolution, draft.Resolution),
                    satisfaction)
                : ServiceAgreement.Create(id, provider, consumer, services!, calendarId, draft.EffectiveFrom!.Value, draft.EffectiveUntil, draft.ReviewCadence!, sets!, satisfaction);
            if (!ReachesEveryDeadline(agreement, calendars[calendarId], at, draft.ObjectiveSets is not null, problems))
            {
                continue;
            }

            result.Add((exclusions.Count == 0 ? agreement : agreement.WithExclusions(exclusions), at));
        }

        ReportOverlaps(result, problems);
        return [.. result.Select(r => r.Agreement)];
    }

    /// <summary>A checked objective draft made into its objective.</summary>
    private static TimeObjective? ToObjective(ObjectiveKind kind, ObjectiveDraft? o)
    {
        if (o is null)
        {
            return null;
        }

        var objective = o.BusinessDays is { } days
            ? kind == ObjectiveKind.FirstResponse
                ? TimeObjective.FirstResponseWithinBusinessDays(days, o.Target!.Value)
                : TimeObjective.ResolutionWithinBusinessDays(days, o.Target!.Value)
            : new TimeObjective(kind, o.Within!.Value, o.Target!.Value, o.WarningThresholds);
        if (o.BusinessDays is not null && o.WarningThresholds is { } thresholds)
        {
            objective = objective.WithWarningThresholds(thresholds);
        }

        return o.Clock is { } clock ? objective.WithClock(clock) : objective;
    }

    /// <summary>Checks the objective sets of a draft and makes them, or reports every problem and returns <see langword="null"/>;
    /// an empty list when the draft has none.</summary>
    private static List<ObjectiveSet>? ValidateObjectiveSets(
        AgreementDraft draft, ProblemLocation at, List<ServiceId>? covered, HashSet<PriorityId> declared, List<Problem> problems)
    {
        var result = new List<ObjectiveSet>();
        if (draft.ObjectiveSets is not { } drafts)
        {
            return result;
        }

        var before = problems.Count;
        var setsAt = at.Property("objectiveSets");
        if (draft.FirstResponse is not null || draft.Resolution is not null)
        {
            problems.Add(new Problem(
                ProblemKind.InvalidValue,
                setsAt,
                "An agreement gives its time objectives either for every request (firstResponse, resolution) or per objective set, not both; got both."));
        }

        var names = new Dictionary<string, ProblemLocation>(StringComparer.Ordinal);
        for (var j = 0; j < drafts.Count; j++)
        {
            var setAt = setsAt.Element(j);
            if (drafts[j] is not { } d)
            {
                problems.Add(new Problem(ProblemKind.MissingValue, setAt, $"Objective set {j} must be an object; got null."));
                continue;
            }

            var setOk = true;
            if (string.IsNullOrWhiteSpace(d.Name))
            {
                problems.Add(new Problem(ProblemKind.MissingValue, setAt.Property("name"), $"An objective set needs a non-blank name; got {(d.Name is null ? "none" : $"\"{d.Name}\"")}."));
                setOk = false;
            }
            else
            {
                setOk &= Claim(names, d.Name, setAt, setAt.Property("name"), problems, first => $"Objective set name '{d.Name}' is already used by {first}.");
            }

            var priorities = new List<PriorityId>();
            for (var k = 0; k < (d.Priorities?.Count ?? 0); k++)
            {
                var pAt = setAt.Property("priorities").Element(k);
                if (!TryId(d.Priorities![k], "priority", pAt, problems, out PriorityId priority))
                {
                    setOk = false;
                }
                else if (!declared.Contains(priority))
                {
                    problems.Add(new Problem(
                        ProblemKind.UnknownReference,
                        pAt,
                        $"Priority '{priority}' is not declared by the organization; it declares {(declared.Count == 0 ? "none" : string.Join(", ", declared))}."));
                    setOk = false;
                }
                else if (priorities.Contains(priority))
                {
                    problems.Add(new Problem(ProblemKind.DuplicateId, pAt, $"Priority '{priority}' is listed twice in objective set '{d.Name}'."));
                    setOk = false;
                }
                else
                {
                    priorities.Add(priority);
                }
            }

            var services = new List<ServiceId>();
            for (var k = 0; k < (d.Services?.Count ?? 0); k++)
            {
                var sAt = setAt.Property("services").Element(k);
                if (!TryId(d.Services![k], "service", sAt, problems, out ServiceId service))
                {
                    setOk = false;
                }
                else if (covered is not null && !covered.Contains(service))
                {
                    problems.Add(new Problem(ProblemKind.UnknownReference, sAt, $"Objective set '{d.Name}' selects service '{service}', which the agreement does not cover; it covers {string.Join(", ", covered)}."));
                    setOk = false;
                }
                else if (services.Contains(service))
                {
                    problems.Add(new Problem(ProblemKind.DuplicateId, sAt, $"Service '{service}' is listed twice in objective set '{d.Name}'."));
                    setOk = false;
                }
                else
                {
                    services.Add(service);
                }
            }

            var categories = new List<string>();
            for (var k = 0; k < (d.Categories?.Count ?? 0); k++)
            {
                var cAt = setAt.Property("categories").Element(k);
                var category = d.Categories![k];
                if (string.IsNullOrWhiteSpace(category))
                {
                    problems.Add(new Problem(ProblemKind.InvalidValue, cAt, $"A category must be non-blank text; got {(category is null ? "null" : $"\"{category}\"")}."));
                    setOk = false;
                }
                else if (categories.Contains(category, StringComparer.Ordinal))
                {
                    problems.Add(new Problem(ProblemKind.DuplicateId, cAt, $"Category '{category}' is listed twice in objective set '{d.Name}'."));
                    setOk = false;
                }
                else
                {
                    categories.Add(category);
                }
            }

            setOk &= ValidateObjective(d.FirstResponse, setAt.Property("firstResponse"), problems);
            setOk &= ValidateObjective(d.Resolution, setAt.Property("resolution"), problems);
            if (d.FirstResponse is null && d.Resolution is null)
            {
                problems.Add(new Problem(ProblemKind.InvalidValue, setAt, $"Objective set '{d.Name}' needs a firstResponse or a resolution objective; got neither."));
                setOk = false;
            }

            if (!setOk)
            {
                continue;
            }

            var set = new ObjectiveSet(
                d.Name!,
                new RequestSelector(priorities, services, categories),
                ToObjective(ObjectiveKind.FirstResponse, d.FirstResponse),
                ToObjective(ObjectiveKind.Resolution, d.Resolution));
            if (result.FirstOrDefault(r => r.Selector.Overlaps(set.Selector)) is { } earlier)
            {
                problems.Add(new Problem(
                    ProblemKind.InvalidValue,
                    setAt,
                    $"At most one objective set may apply to a request, but sets '{earlier.Name}' ({earlier.Selector}) and '{set.Name}' ({set.Selector}) both match some requests."));
                continue;
            }

            result.Add(set);
        }

        if (drafts.Count == 0)
        {
            problems.Add(new Problem(ProblemKind.InvalidValue, setsAt, "An agreement's objectiveSets must hold at least one set; got an empty list (leave it out for none)."));
        }

        return problems.Count > before ? null : result;
    }

    private static List<ServiceId>? ValidateAgreementServices(
        IReadOnlyList<string?>? raw, ProblemLocation at, DepartmentId? provider, Dictionary<ServiceId, DepartmentId> providerOf, List<Problem> problems)
    {
        if (raw is null || raw.Count == 0)
        {
            problems.Add(new Problem(
                ProblemKind.InvalidValue,
                at.Property("services"),
                $"An agreement must cover at least one service; got {(raw is null ? "null" : "none")}."));
            return null;
        }

        var result = new List<ServiceId>();
        var claimed = new Dictionary<ServiceId, ProblemLocation>();
        var ok = true;
        for (var j = 0; j < raw.Count; j++)
        {
            var location = at.Property("services").Element(j);
            if (!TryId(raw[j], "service", location, problems, out ServiceId service)
                || !Claim(claimed, service, location, location, problems, first => $"Service '{service}' is already listed at {first}."))
            {
                ok = false;
                continue;
            }

            if (!providerOf.TryGetValue(service, out var offeredBy))
            {
                problems.Add(new Problem(ProblemKind.UnknownReference, location, $"Service '{service}' is not a service of this organization."));
                ok = false;
                continue;
            }

            if (provider is { } p && offeredBy != p)
            {
                problems.Add(new Problem(
                    ProblemKind.UnknownReference,
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
        string? raw, ProblemLocation at, Dictionary<CalendarId, BusinessCalendar> calendars, List<Problem> problems, out CalendarId id)
    {
        var location = at.Property("calendar");
        if (!TryId(raw, "calendar", location, problems, out id))
        {
            return false;
        }

        if (!calendars.TryGetValue(id, out var calendar))
        {
            problems.Add(new Problem(ProblemKind.UnknownReference, location, $"Calendar '{id}' is not a calendar of this organization."));
            return false;
        }

        if (!calendar.HasWorkingTime)
        {
            problems.Add(new Problem(
                ProblemKind.InvalidValue,
                location,
                $"Calendar '{id}' has no working time, so the agreement's timers could never run."));
            return false;
        }

        return true;
    }

    private static bool ValidateAgreementTerms(AgreementDraft draft, ProblemLocation at, List<Problem> problems)
    {
        var ok = true;
        void Report(ProblemKind kind, ProblemLocation location, string message)
        {
            problems.Add(new Problem(kind, location, message));
            ok = false;
        }

        var iso = LocalDatePattern.Iso;
        var datesIso = true;
        if (draft.EffectiveFrom is { } isoFrom && ServiceAgreement.CheckIsoDate(isoFrom, "first day in effect") is { } fromProblem)
        {
            Report(ProblemKind.InvalidValue, at.Property("effectiveFrom"), fromProblem);
            datesIso = false;
        }

        if (draft.EffectiveUntil is { } isoUntil && ServiceAgreement.CheckIsoDate(isoUntil, "last day in effect") is { } untilProblem)
        {
            Report(ProblemKind.InvalidValue, at.Property("effectiveUntil"), untilProblem);
            datesIso = false;
        }

        if (datesIso && draft.EffectiveFrom is { } rangeFrom && SupportedRange.CheckDate(rangeFrom, "a first day in effect") is { } fromOutside)
        {
            Report(ProblemKind.InvalidValue, at.Property("effectiveFrom"), fromOutside);
            datesIso = false;
        }

        if (datesIso && draft.EffectiveUntil is { } rangeUntil && SupportedRange.CheckDate(rangeUntil, "a last day in effect") is { } untilOutside)
        {
            Report(ProblemKind.InvalidValue, at.Property("effectiveUntil"), untilOutside);
            datesIso = false;
        }

        if (draft.EffectiveFrom is not { } from)
        {
            Report(ProblemKind.MissingValue, at.Property("effectiveFrom"), "An agreement needs the first day it is in effect; got none.");
        }
        else if (datesIso && draft.EffectiveUntil is { } until && until < from)
        {
            Report(
                ProblemKind.InvalidValue,
                at.Property("effectiveUntil"),
                $"The effective period must not end before it starts ({iso.Format(from)}); got an end of {iso.Format(until)}.");
        }

        if ((ServiceAgreement.CheckReviewCadence(draft.ReviewCadence) ?? SupportedRange.CheckPeriod(draft.ReviewCadence, "a review cadence")) is { } cadence)
        {
            Report(ProblemKind.InvalidValue, at.Property("reviewCadence"), cadence);
        }

        ok &= ValidateObjective(draft.FirstResponse, at.Property("firstResponse"), problems);
        ok &= ValidateObjective(draft.Resolution, at.Property("resolution"), problems);

        if (draft.SatisfactionTarget is { } satisfaction && ObjectiveGuard.CheckTarget(satisfaction) is { } satisfactionProblem)
        {
            Report(ProblemKind.InvalidValue, at.Property("satisfaction").Property("target"), satisfactionProblem);
        }

        if (draft.FirstResponse is null && draft.Resolution is null && draft.SatisfactionTarget is null && draft.ObjectiveSets is null)
        {
            Report(ProblemKind.InvalidValue, at.Property("objectives"), "An agreement needs at least one objective; got none.");
        }

        return ok;
    }

    /// <summary>Reports, at the objective, each time objective whose allowed time the agreement's calendar does not work after the
    /// supported range (<see cref="ObjectiveGuard.CheckReach(BusinessCalendar, TimeObjective)"/>); true when it works every one.</summary>
    private static bool ReachesEveryDeadline(ServiceAgreement agreement, BusinessCalendar calendar, ProblemLocation at, bool inSets, List<Problem> problems)
    {
        var ok = true;
        for (var j = 0; j < agreement.ObjectiveSets.Length; j++)
        {
            var set = agreement.ObjectiveSets[j];
            var setAt = inSets ? at.Property("objectiveSets").Element(j) : at;
            foreach (var (objective, property) in new[] { (set.FirstResponse, "firstResponse"), (set.Resolution, "resolution") })
            {
                if (objective is not null && ObjectiveGuard.CheckReach(calendar, objective) is { } problem)
                {
                    problems.Add(new Problem(ProblemKind.InvalidValue, setAt.Property(property), problem));
                    ok = false;
                }
            }
        }

        return ok;
    }

    /// <summary>Reports every problem of one objective draft at its location; true when there is none (or no draft).</summary>
    private static bool ValidateObjective(ObjectiveDraft? objective, ProblemLocation location, List<Problem> problems)
    {
        if (objective is null)
        {
            return true;
        }

        var before = problems.Count;
        if (objective.BusinessDays is { } days)
        {
            if (objective.Within is not null)
            {
                problems.Add(new Problem(
                    ProblemKind.InvalidValue,
                    location.Property("withinBusinessDays"),
                    $"An objective allows either business time (within) or business days (withinBusinessDays), not both; got within {objective.Within} and {days} business days."));
            }

            if (days < 1)
            {
                problems.Add(new Problem(ProblemKind.InvalidValue, location.Property("withinBusinessDays"), $"Allowed business days must be at least 1; got {days}."));
            }
            else if (SupportedRange.CheckBusinessDays(days, "an allowance") is { } tooMany)
            {
                problems.Add(new Problem(ProblemKind.InvalidValue, location.Property("withinBusinessDays"), tooMany));
            }
        }
        else if (objective.Within is not { } within || within <= Duration.Zero)
        {
            problems.Add(new Problem(
                ProblemKind.InvalidValue,
                location.Property("within"),
                $"Allowed business time must be positive; got {(objective.Within is { } w ? w.ToString() : "null")}."));
        }
        else if (SupportedRange.CheckDuration(within, "an allowed business time") is { } tooLong)
        {
            problems.Add(new Problem(ProblemKind.InvalidValue, location.Property("within"), tooLong));
        }

        if (objective.Target is not { } target)
        {
            problems.Add(new Problem(ProblemKind.InvalidValue, location.Property("target"), "Target ratio must be in [0, 1); got null."));
        }
        else if (ObjectiveGuard.CheckTarget(target) is { } targetProblem)
        {
            problems.Add(new Problem(ProblemKind.InvalidValue, location.Property("target"), targetProblem));
        }

        if (objective.WarningThresholds is { } thresholds && ObjectiveGuard.CheckWarningThresholds(thresholds) is { } thresholdProblem)
        {
            problems.Add(new Problem(ProblemKind.InvalidValue, location.Property("warningThresholds"), thresholdProblem));
        }

        return problems.Count == before;
    }

    private static void ReportOverlaps(List<(ServiceAgreement Agreement, ProblemLocation Entry)> agreements, List<Problem> problems)
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
                    var (a, aAt) = list[k];
                    var (b, bAt) = list[j];
                    var shared = a.Services.Intersect(b.Services).FirstOrDefault();
                    if (shared.IsDefault || !a.RequestsOverlap(b))
                    {
                        continue;
                    }

                    var classes = a.ObjectiveSets.Length <= 1 && b.ObjectiveSets.Length <= 1
                        && (a.ObjectiveSets.IsEmpty || a.ObjectiveSets[0].Selector.IsAny) && (b.ObjectiveSets.IsEmpty || b.ObjectiveSets[0].Selector.IsAny)
                        ? string.Empty
                        : " for requests their objective sets both select";
                    problems.Add(new Problem(
                        ProblemKind.OverlappingAgreement,
                        bAt,
                        $"Agreements '{a.Id}' ({aAt}, {Period(a)}) and '{b.Id}' ({Period(b)}) both cover service '{shared}' from '{a.Provider}' to '{a.Consumer}' over overlapping periods{classes}."));
                }
            }
        }
    }

    /// <summary>Reports, at the entry's <c>provider</c> and <c>consumer</c>, each party that is not a department; true when both are.</summary>
    private static bool PartiesKnown(
        string what, DepartmentId provider, DepartmentId consumer, HashSet<DepartmentId> departments, ProblemLocation at, List<Problem> problems)
    {
        var known = true;
        foreach (var (role, dept) in new[] { ("provider", provider), ("consumer", consumer) })
        {
            if (!departments.Contains(dept))
            {
                problems.Add(new Problem(ProblemKind.UnknownReference, at.Property(role), $"{what} {role} '{dept}' is not a department of this organization."));
                known = false;
            }
        }

        return known;
    }

    private static bool TryId<TId>(string? raw, string kind, ProblemLocation location, List<Problem> problems, out TId id)
        where TId : struct, IParsable<TId>
    {
        var problem = IdentifierRules.Check(raw, kind);
        if (problem is not null)
        {
            problems.Add(new Problem(ProblemKind.InvalidId, location, problem));
            id = default;
            return false;
        }

        id = TId.Parse(raw!, CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>Checks an entry's <c>id</c> and <c>name</c>, reporting both when both are wrong.</summary>
    private static bool TryIdAndName<TId>(string? rawId, string? name, string kind, ProblemLocation at, List<Problem> problems, out TId id)
        where TId : struct, IParsable<TId>
    {
        var ok = TryId(rawId, kind, at.Property("id"), problems, out id);
        return CheckName(name, at.Property("name"), problems) && ok;
    }

    private static bool CheckName(string? name, ProblemLocation location, List<Problem> problems)
    {
        if (!string.IsNullOrWhiteSpace(name))
        {
            return true;
        }

        var got = name is null ? "null" : $"\"{name}\"";
        problems.Add(new Problem(ProblemKind.InvalidValue, location, $"A name must be non-blank text; got {got}."));
        return false;
    }

    private sealed record RawDepartment(string? Id, string? Name, string? Parent, string? Description);

    private sealed record RawService(string? Id, string? Name, string? Provider, string? Category);

    private sealed record RawDependency(string? Provider, string? Consumer, int Criticality, double? Volume);
}
