using InternalCustomer.Calendars;

namespace InternalCustomer.Tests.Calendars;

public sealed class BusinessTimelineTests
{
    [Fact]
    public void Sorted_value_index_equals_binary_search()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 3_000; trial++)
        {
            var n = random.Next(0, 40);
            var values = Enumerable.Range(0, n).Select(_ => (Int128)random.Next(-50, 500)).Order().ToList();
            if (random.Next(2) == 0)
            {
                values.Insert(0, Int128.MinValue);
            }

            var sorted = values.ToArray();
            var index = new SortedValueIndex(sorted, random.Next(-1, 80));
            for (var q = 0; q < 10; q++)
            {
                var value = (Int128)random.Next(-60, 520);
                Assert.Equal(BusinessTimeline.CountBelow(sorted, value), index.CountBelow(value));
            }
        }
    }
}
