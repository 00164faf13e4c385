using System.Collections.Frozen;
using System.Collections.Immutable;
using InternalCustomer.Agreements;
using InternalCustomer.Calendars;

namespace InternalCustomer.Organizations;

/// <summary>
/// An immutable organisation: its departments and their hierarchy, the services each offers,
/// the dependencies declared between departments, the business calendars it keeps, and the service
/// agreements between departments. Build one with <see cref="CreateBuilder"/>.
/// </summary>
/// <remarks>
/// <para><b>Order.</b> Every collection is sorted by identifier (ordinal), whatever order the parts
/// were added in, so results and output never depend on insertion order.</para>
/// <para><b>Equality</b> is component-wise: two organisations are equal when their departments,
/// services, declared dependencies, calendars and agreements are equal.</para>
/// <para><b>Agreements</b> are validated with everything else: their departments, services and calendar exist, the
/// provider offers every covered service, and no two agreements of the same provider and consumer cover the same
/// service over overlapping effective periods. <see cref="TimerFor"/> pairs an agreement with its calendar.</para>
/// <para><b>Unknown departments.</b> Every query taking a <see cref="DepartmentId"/> throws an
/// <see cref="ArgumentException"/> naming the id when it is not a department of this organisation.</para>
/// <para><b>Hierarchy.</b> Departments form a forest through <see cref="Department.Parent"/>; a root has depth 0.
/// Internally each department has a dense index (its position in <see cref="Departments"/>) and the
/// hierarchy is stored as arrays in pre-order, so ancestor and descendant queries cost what they return.</para>
/// </remarks>
public sealed class Organization : IEquatable<Organization>
{
    // Keyed by the id's text, compared ordinally as DepartmentId compares (a default DepartmentId's text is empty, which no
    // department's is), so that the frozen dictionary uses its string-specialised hashing: the scorecard looks up both
    // departments of every response.
    private readonly FrozenDictionary<string, int> _departmentIndex;
    private readonly FrozenDictionary<ServiceId, int> _serviceIndex;
    private readonly int[] _parent;
    private readonly int[] _depth;
    private readonly int[] _childStart;
    private readonly int[] _children;
    private readonly int[] _preOrder;
    private readonly int[] _subtreeEnd;
    private readonly int[] _position;
    private readonly int[] _serviceStart;
    private readonly int[] _servicesByProvider;
    private readonly FrozenDictionary<string, int> _agreementIndex;
    private readonly FrozenDictionary<DepartmentId, ImmutableArray<ServiceAgreement>> _agreementsByProvider;
    private readonly FrozenDictionary<DepartmentId, ImmutableArray<ServiceAgreement>> _agreementsByConsumer;
    private readonly FrozenDictionary<DepartmentId, ImmutableArray<DeclaredDependency>> _dependenciesByProvider;
    private readonly int _hash;

    internal Organization(
        IEnumerable<Department> departments,
        IEnumerable<Service> services,
        IEnumerable<DeclaredDependency> dependencies,
        IEnumerable<KeyValuePair<CalendarId, BusinessCalendar>>? calendars = null,
        IEnumerable<ServiceAgreement>? agreements = null,
        IEnumerable<PriorityId>? priorities = null)
    {
        Priorities = [.. priorities ?? []];
        Departments = [.. departments.OrderBy(d => d.Id)];
        Services = [.. services.OrderBy(s => s.Id)];
        Dependencies = [.. dependencies.OrderBy(d => d.Consumer).ThenBy(d => d.Provider)];
        Calendars = ImmutableSortedDictionary.CreateRange(calendars ?? []);
        Agreements = [.. (agreements ?? []).OrderBy(a => a.Id)];
        _agreementIndex = Agreements.Select((a, i) => KeyValuePair.Create(a.Id.Value, i)).ToFrozenDictionary(StringComparer.Ordinal);
        _agreementsByProvider = Agreements.GroupBy(a => a.Provider).ToFrozenDictionary(g => g.Key, g => g.ToImmutableArray());
        _agreementsByConsumer = Agreements.GroupBy(a => a.Consumer).ToFrozenDictionary(g => g.Key, g => g.ToImmutableArray());
        _dependenciesByProvider = Dependencies.GroupBy(d => d.Provider).ToFrozenDictionary(g => g.Key, g => g.ToImmutableArray());

        var n = Departments.Length;
        _departmentIndex = Departments.Select((d, i) => KeyValuePair.Create(d.Id.Value, i)).ToFrozenDictionary(StringComparer.Ordinal);
        _serviceIndex = Services.Select((s, i) => KeyValuePair.Create(s.Id, i)).ToFrozenDictionary();

        _parent = new int[n];
        var childCount = new int[n + 1];
        for (var i = 0; i < n; i++)
        {
            _parent[i] = Departments[i].Parent is { } p ? _departmentIndex[p.Value] : -1;
            if (_parent[i] >= 0)
            {
                childCount[_parent[i]]++;
            }
        }

        (_childStart, _children) = Csr(n, childCount, i => _parent[i]);

        var providerCount = new int[n + 1];
        var providerOf = new int[Services.Length];
        for (var s = 0; s < Services.Length; s++)
        {
            providerOf[s] = _departmentIndex[Services[s].Provider.Value];
            providerCount[providerOf[s]]++;
        }

        (_serviceStart, _servicesByProvider) = Csr(n, providerCount, s => providerOf[s], Services.Length);

        // Pre-order numbering: the descendants of v are exactly _preOrder[_position[v] + 1 .. _subtreeEnd[v]).
        _depth = new int[n];
        _preOrder = new int[n];
        _position = new int[n];
        _subtreeEnd = new int[n];
        var next = 0;
        var stack = new Stack<(int Node, bool Exit)>();
        for (var root = n - 1; root >= 0; root--)
        {
            if (_parent[root] < 0)
            {
                stack.Push((root, false));
            }
        }

        while (stack.Count > 0)
        {
            var (v, exit) = stack.Pop();
            if (exit)
            {
                _subtreeEnd[v] = next;
                continue;
            }

            _position[v] = next;
            _preOrder[next++] = v;
            _depth[v] = _parent[v] < 0 ? 0 : _depth[_parent[v]] + 1;
            stack.Push((v, true));
            for (var c = _childStart[v + 1] - 1; c >= _childStart[v]; c--)
            {
                stack.Push((_children[c], false));
            }
        }

        Roots = [.. Enumerable.Range(0, n).Where(i => _parent[i] < 0).Select(i => Departments[i].Id)];

        var hash = new HashCode();
        hash.Add(n);
        foreach (var d in Departments)
        {
            hash.Add(d);
        }

        foreach (var s in Services)
        {
            hash.Add(s);
        }

        foreach (var dep in Dependencies)
        {
            hash.Add(dep);
        }

        foreach (var (id, calendar) in Calendars)
        {
            hash.Add(id);
            hash.Add(calendar);
        }

        foreach (var agreement in Agreements)
        {
            hash.Add(agreement);
        }

        foreach (var priority in Priorities)
        {
            hash.Add(priority);
        }

        _hash = hash.ToHashCode();
    }

    /// <summary>Gets an organisation with nothing in it.</summary>
    public static Organization Empty { get; } = new([], [], []);

    /// <summary>Gets every department, sorted by id.</summary>
    public ImmutableArray<Department> Departments { get; }

    /// <summary>Gets every service of every department, sorted by id.</summary>
    public ImmutableArray<Service> Services { get; }

    /// <summary>Gets the declared dependencies, sorted by consumer then provider.</summary>
    public ImmutableArray<DeclaredDependency> Dependencies { get; }

    /// <summary>Gets the departments without a parent, sorted by id.</summary>
    public ImmutableArray<DepartmentId> Roots { get; }

    /// <summary>Gets the business calendars the organisation keeps, by id (enumerated in id order).</summary>
    public ImmutableSortedDictionary<CalendarId, BusinessCalendar> Calendars { get; }

    /// <summary>Gets the service agreements between departments, sorted by id.</summary>
    public ImmutableArray<ServiceAgreement> Agreements { get; }

    /// <summary>Gets the request priorities the organisation declares, highest first (for example P1, P2, P3, P4); empty
    /// when requests are not classed by priority. Objective sets and requests may use only these.</summary>
    public ImmutableArray<PriorityId> Priorities { get; }

    /// <summary>Gets the rank of a declared priority: 0 for the highest.</summary>
    /// <param name="priority">The priority.</param>
    /// <returns>Its rank, or -1 when the organisation does not declare it.</returns>
    public int RankOf(PriorityId priority) => Priorities.IndexOf(priority);

    /// <summary>Starts an empty builder.</summary>
    /// <returns>A new builder.</returns>
    public static OrganizationBuilder CreateBuilder() => new();

    /// <summary>Starts a builder holding everything in this organisation, to derive a changed copy.</summary>
    /// <returns>A new builder with this organisation's parts.</returns>
    public OrganizationBuilder ToBuilder() => new(this);

    /// <summary>Tells whether a department belongs to this organisation.</summary>
    /// <param name="id">The department id.</param>
    /// <returns><see langword="true"/> if it does.</returns>
    public bool Contains(DepartmentId id) => _departmentIndex.ContainsKey(id.Value);

    /// <summary>Gets a department by id.</summary>
    /// <param name="id">The department id.</param>
    /// <returns>The department.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not a department of this organisation.</exception>
    public Department GetDepartment(DepartmentId id) => Departments[IndexOf(id)];

    /// <summary>Gets a service by id.</summary>
    /// <param name="id">The service id.</param>
    /// <returns>The service.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not a service of this organisation.</exception>
    public Service GetService(ServiceId id) =>
        _serviceIndex.TryGetValue(id, out var i)
            ? Services[i]
            : throw new ArgumentException($"Expected a service of this organization; got '{id}', which is not one.", nameof(id));

    /// <summary>Gets a business calendar by id.</summary>
    /// <param name="id">The calendar id.</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not a calendar of this organisation.</exception>
    public BusinessCalendar GetCalendar(CalendarId id) =>
        Calendars.TryGetValue(id, out var calendar)
            ? calendar
            : throw new ArgumentException($"Expected a calendar of this organization; got '{id}', which is not one.", nameof(id));

    /// <summary>Gets a service agreement by id.</summary>
    /// <param name="id">The agreement id.</param>
    /// <returns>The agreement.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not an agreement of this organisation.</exception>
    public ServiceAgreement GetAgreement(AgreementId id) =>
        _agreementIndex.TryGetValue(id.Value, out var i)
            ? Agreements[i]
            : throw new ArgumentException($"Expected an agreement of this organization; got '{id}', which is not one.", nameof(id));

    /// <summary>Gets the agreements under which a department provides services, sorted by id.</summary>
    /// <param name="provider">The department id.</param>
    /// <returns>The agreements whose provider is the department; empty if there are none.</returns>
    /// <exception cref="ArgumentException"><paramref name="provider"/> is not a department of this organisation.</exception>
    public ImmutableArray<ServiceAgreement> AgreementsProvidedBy(DepartmentId provider)
    {
        IndexOf(provider, nameof(provider));
        return _agreementsByProvider.TryGetValue(provider, out var list) ? list : [];
    }

    /// <summary>Gets the agreements under which a department consumes services, sorted by id.</summary>
    /// <param name="consumer">The department id.</param>
    /// <returns>The agreements whose consumer is the department; empty if there are none.</returns>
    /// <exception cref="ArgumentException"><paramref name="consumer"/> is not a department of this organisation.</exception>
    public ImmutableArray<ServiceAgreement> AgreementsConsumedBy(DepartmentId consumer)
    {
        IndexOf(consumer, nameof(consumer));
        return _agreementsByConsumer.TryGetValue(consumer, out var list) ? list : [];
    }

    /// <summary>Gets the declared dependencies on a department: those in which it is the provider, sorted by consumer.</summary>
    /// <param name="provider">The department id.</param>
    /// <returns>The dependencies whose provider is the department; empty if there are none.</returns>
    /// <exception cref="ArgumentException"><paramref name="provider"/> is not a department of this organisation.</exception>
    public ImmutableArray<DeclaredDependency> DependenciesProvidedBy(DepartmentId provider)
    {
        IndexOf(provider, nameof(provider));
        return _dependenciesByProvider.TryGetValue(provider, out var list) ? list : [];
    }

    /// <summary>Gets the SLA timer of an agreement: the agreement paired with the calendar it names.</summary>
    /// <param name="id">The agreement id.</param>
    /// <returns>The timer.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not an agreement of this organisation.</exception>
    public SlaTimer TimerFor(AgreementId id)
    {
        var agreement = GetAgreement(id);
        return new SlaTimer(agreement, Calendars[agreement.Calendar]);
    }

    /// <summary>Gets a department's service catalogue: the services it offers, sorted by id.</summary>
    /// <param name="id">The department id.</param>
    /// <returns>The services whose provider is the department.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not a department of this organisation.</exception>
    public ImmutableArray<Service> ServicesOf(DepartmentId id)
    {
        var v = IndexOf(id);
        var builder = ImmutableArray.CreateBuilder<Service>(_serviceStart[v + 1] - _serviceStart[v]);
        for (var k = _serviceStart[v]; k < _serviceStart[v + 1]; k++)
        {
            builder.Add(Services[_servicesByProvider[k]]);
        }

        return builder.MoveToImmutable();
    }

    /// <summary>Gets a department's parent.</summary>
    /// <param name="id">The department id.</param>
    /// <returns>The parent's id, or <see langword="null"/> for a root.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not a department of this organisation.</exception>
    public DepartmentId? ParentOf(DepartmentId id) => Departments[IndexOf(id)].Parent;

    /// <summary>Gets a department's direct children, sorted by id.</summary>
    /// <param name="id">The department id.</param>
    /// <returns>The children.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not a department of this organisation.</exception>
    public ImmutableArray<DepartmentId> ChildrenOf(DepartmentId id)
    {
        var v = IndexOf(id);
        return Ids(_children.AsSpan(_childStart[v], _childStart[v + 1] - _childStart[v]));
    }

    /// <summary>Gets a department's ancestors, nearest first (parent, grandparent, …, root).</summary>
    /// <param name="id">The department id.</param>
    /// <returns>The ancestors; empty for a root.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not a department of this organisation.</exception>
    public ImmutableArray<DepartmentId> AncestorsOf(DepartmentId id)
    {
        var v = IndexOf(id);
        var builder = ImmutableArray.CreateBuilder<DepartmentId>(_depth[v]);
        for (var a = _parent[v]; a >= 0; a = _parent[a])
        {
            builder.Add(Departments[a].Id);
        }

        return builder.MoveToImmutable();
    }

    /// <summary>Gets a department's descendants (children, their children, …) in pre-order: each department before its own descendants, siblings by id.</summary>
    /// <param name="id">The department id.</param>
    /// <returns>The descendants, not including the department itself.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not a department of this organisation.</exception>
    public ImmutableArray<DepartmentId> DescendantsOf(DepartmentId id)
    {
        var v = IndexOf(id);
        return Ids(_preOrder.AsSpan(_position[v] + 1, _subtreeEnd[v] - _position[v] - 1));
    }

    /// <summary>Tells whether <paramref name="ancestor"/> is a proper ancestor of <paramref name="descendant"/>, in constant time.</summary>
    /// <param name="ancestor">The possible ancestor.</param>
    /// <param name="descendant">The possible descendant.</param>
    /// <returns><see langword="true"/> if following parents from <paramref name="descendant"/> reaches <paramref name="ancestor"/>.</returns>
    /// <exception cref="ArgumentException">Either id is not a department of this organisation.</exception>
    public bool IsAncestorOf(DepartmentId ancestor, DepartmentId descendant)
    {
        var a = IndexOf(ancestor, nameof(ancestor));
        var d = IndexOf(descendant, nameof(descendant));
        return a != d && _position[a] < _position[d] && _position[d] < _subtreeEnd[a];
    }

    /// <summary>Gets a department's depth in the hierarchy: 0 for a root, 1 for its children, and so on.</summary>
    /// <param name="id">The department id.</param>
    /// <returns>The depth.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not a department of this organisation.</exception>
    public int DepthOf(DepartmentId id) => _depth[IndexOf(id)];

    /// <summary>
    /// Folds a per-department value up the hierarchy: each department's result combines its own
    /// value with the results of its children, so a division's result covers its whole subtree.
    /// </summary>
    /// <typeparam name="T">The value type, typically a mergeable summary.</typeparam>
    /// <param name="valueOf">The department's own value.</param>
    /// <param name="combine">Combines two values; it should be associative and commutative (children are combined in id order).</param>
    /// <returns>For every department, its own value combined with those of all its descendants.</returns>
    /// <exception cref="ArgumentNullException">A delegate is <see langword="null"/>.</exception>
    public IReadOnlyDictionary<DepartmentId, T> RollUp<T>(Func<DepartmentId, T> valueOf, Func<T, T, T> combine)
    {
        ArgumentNullException.ThrowIfNull(valueOf);
        ArgumentNullException.ThrowIfNull(combine);
        var n = Departments.Length;
        var results = new T[n];
        for (var i = 0; i < n; i++)
        {
            results[i] = valueOf(Departments[i].Id);
        }

        // Reverse pre-order visits every child before its parent.
        for (var k = n - 1; k >= 0; k--)
        {
            var v = _preOrder[k];
            for (var c = _childStart[v]; c < _childStart[v + 1]; c++)
            {
                results[v] = combine(results[v], results[_children[c]]);
            }
        }

        return Departments.Select((d, i) => KeyValuePair.Create(d.Id, results[i])).ToFrozenDictionary();
    }

    /// <inheritdoc />
    public bool Equals(Organization? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Priorities.SequenceEqual(other.Priorities)
                && _hash == other._hash
                && Departments.SequenceEqual(other.Departments)
                && Services.SequenceEqual(other.Services)
                && Dependencies.SequenceEqual(other.Dependencies)
                && Calendars.Count == other.Calendars.Count
                && Calendars.All(c => other.Calendars.TryGetValue(c.Key, out var o) && c.Value.Equals(o))
                && Agreements.SequenceEqual(other.Agreements)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Organization);

    /// <inheritdoc />
    public override int GetHashCode() => _hash;

    /// <summary>Returns a short description, for example <c>Organization (25 departments, 40 services, 12 dependencies)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"Organization ({Departments.Length} departments, {Services.Length} services, {Dependencies.Length} dependencies)";

    /// <summary>The agreements' positions keyed by the id's text, compared ordinally as AgreementId compares (no agreement
    /// has the empty id of a default AgreementId), so that the frozen dictionary uses its string-specialised hashing:
    /// the scorecard looks up every request's agreement (measured on the 1M-request scenario: 105–125 ms by AgreementId,
    /// 64–74 ms by string). Shared by every accumulator of the organisation.</summary>
    internal FrozenDictionary<string, int> AgreementIndex => _agreementIndex;

    /// <summary>The dense index of a department: its position in <see cref="Departments"/>.</summary>
    internal int IndexOf(DepartmentId id, string parameterName = "id") =>
        TryGetIndex(id, out var i)
            ? i
            : throw new ArgumentException(
                id.IsDefault
                    ? "Expected a department of this organization; got default(DepartmentId)."
                    : $"Expected a department of this organization; got '{id}', which is not one.",
                parameterName);

    /// <summary>Tries to get the dense index of a department.</summary>
    internal bool TryGetIndex(DepartmentId id, out int index) => _departmentIndex.TryGetValue(id.Value, out index);

    private ImmutableArray<DepartmentId> Ids(ReadOnlySpan<int> indices)
    {
        var builder = ImmutableArray.CreateBuilder<DepartmentId>(indices.Length);
        foreach (var i in indices)
        {
            builder.Add(Departments[i].Id);
        }

        return builder.MoveToImmutable();
    }

    // Compressed sparse rows: items grouped by owner, items in ascending order within each owner.
    private static (int[] Start, int[] Items) Csr(int owners, int[] count, Func<int, int> ownerOf, int? itemCount = null)
    {
        var items = itemCount ?? owners;
        var start = new int[owners + 1];
        for (var i = 0; i < owners; i++)
        {
            start[i + 1] = start[i] + count[i];
        }

        var fill = start[..^1].ToArray();
        var result = new int[start[owners]];
        for (var item = 0; item < items; item++)
        {
            var owner = ownerOf(item);
            if (owner >= 0)
            {
                result[fill[owner]++] = item;
            }
        }

        return (start, result);
    }
}
