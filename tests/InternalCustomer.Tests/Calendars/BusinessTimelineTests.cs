using InternalCustomer.Calendars;

namespace InternalCustomer.Tests.Calendars;

public sealed class BusinessTimelineTests
{
    [Fact]
    public void Galloping_search_from_any_hint_equals_binary_search()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 2_000; trial++)
        {
            var n = random.Next(0, 40);
            var sorted = Enumerable.Range(0, n).Select(_ => (Int128)random.Next(0, 60)).Order().ToArray();
            var value = (Int128)random.Next(-5, 65);
            var hint = random.Next(0, n + 1);
            Assert.Equal(BusinessTimeline.CountBelow(sorted, value), BusinessTimeline.CountBelowNear(sorted, value, hint));
        }
    }
}
