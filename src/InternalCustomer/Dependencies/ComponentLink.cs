namespace InternalCustomer.Dependencies;

/// <summary>A link of a <see cref="Condensation"/>: some department of component <see cref="Consumer"/> depends on some department of component <see cref="Provider"/>.</summary>
/// <param name="Consumer">The index of the depending component in <see cref="Condensation.Components"/>.</param>
/// <param name="Provider">The index of the component depended on.</param>
public readonly record struct ComponentLink(int Consumer, int Provider);
