namespace InternalCustomer.Interchange.State;

/// <summary>Where in a binary state a part is read, built only when it is asked for: the binary readers decode a blob
/// first without places (<see cref="Unlocated"/>: no <see cref="ProblemLocation"/> is allocated per part, which for a
/// large state would cost more than the decoding), and only when that fails decode it again with places, so that the
/// problem names the part. Decoding is deterministic, so the second pass fails at the same part.</summary>
internal readonly struct StatePlace
{
    private readonly ProblemLocation? _at;

    private StatePlace(ProblemLocation at) => _at = at;

    /// <summary>Gets the place of the first, fast pass: it and every place under it resolve to the root.</summary>
    internal static StatePlace Unlocated => default;

    /// <summary>The place of the property <paramref name="name"/> under this one.</summary>
    internal StatePlace Property(string name) => _at is null ? default : new(_at.Property(name));

    /// <summary>The place of the element <paramref name="index"/> under this one.</summary>
    internal StatePlace Element(int index) => _at is null ? default : new(_at.Element(index));

    /// <summary>The location, or the root in the fast pass.</summary>
    internal ProblemLocation Resolve() => _at ?? ProblemLocation.Root;

    public static implicit operator StatePlace(ProblemLocation at) => new(at);
}
