namespace InternalCustomer.Dependencies;

/// <summary>A link of a <see cref="Condensation"/>: some department of component <see cref="Consumer"/> depends on some department of component <see cref="Provider"/>.</summary>
/// <remarks>Provider first, as everywhere a pair of departments (or of their components) appears.</remarks>
/// <param name="Provider">The index of the component depended on, in <see cref="Condensation.Components"/>.</param>
/// <param name="Consumer">The index of the depending component.</param>
public readonly record struct ComponentLink(int Provider, int Consumer);
