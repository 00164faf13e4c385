// Two namespaces that use each other, one way through a field and the other only inside a method body: the fixture
// that shows the layering test sees through to IL (a using directive alone leaves no trace and is an error anyway).
namespace InternalCustomer.Tests.Architecture.Fixture.Clock
{
    internal sealed class Timer
    {
        internal int Ticks { get; init; }

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
