// Two namespaces that use each other, one way through a field and the other only inside a method body: the fixture
// that shows the layering test sees through to IL (a using directive alone leaves no trace and is an error anyway).
namespace InternalCustomer.Tests.Architecture.Fixture.Clock
{
    internal interface ITicking
    {
        int Ticks { get; }
    }

    internal sealed class Timer : ITicking
    {
        public int Ticks { get; init; }

        internal int Charge() => new Ledger.Account().Balance + Ticks;
    }
}

namespace InternalCustomer.Tests.Architecture.Fixture.Ledger
{
    internal sealed class Account
    {
        private readonly Clock.Timer? _timer;

        internal Account(Clock.Timer? timer = null) => _timer = timer;

        internal int Balance => _timer?.Ticks ?? 0;
    }
}

// A namespace that breaks a rule only through an attribute argument and a generic constraint: the layering check
// must still see the forbidden arrow to Fixture.Clock.
namespace InternalCustomer.Tests.Architecture.Fixture.Report
{
    [AttributeUsage(AttributeTargets.Class)]
    internal sealed class ShapedAfterAttribute(Type shape) : Attribute
    {
        internal Type Shape { get; } = shape;
    }

    [ShapedAfter(typeof(Clock.Timer))]
    internal sealed class Summary
    {
        internal static int Count<T>(IEnumerable<T> items)
            where T : Clock.ITicking => items.Count();
    }
}
