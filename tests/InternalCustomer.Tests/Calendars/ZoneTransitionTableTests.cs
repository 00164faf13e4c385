using InternalCustomer.Calendars;
using NodaTime;

namespace InternalCustomer.Tests.Calendars;

public sealed class ZoneTransitionTableTests
{
    [Fact]
    public void Offsets_match_nodatime_for_every_tzdb_zone_including_the_periodic_far_future()
    {
        // The table extends a zone past its explicit part by 400-year periods; check it against NodaTime itself.
        var periodStart = Instant.FromUtc(2100, 1, 15, 0, 0).ToUnixTimeSeconds();
        var random = new Random(20260301);
        foreach (var id in DateTimeZoneProviders.Tzdb.Ids)
        {
            var zone = DateTimeZoneProviders.Tzdb[id];
            var table = ZoneTransitionTable.For(zone, periodStart);
            for (var i = 0; i < 200; i++)
            {
                var seconds = i switch
                {
                    0 => Instant.MinValue.ToUnixTimeSeconds(),
                    1 => Instant.MaxValue.ToUnixTimeSeconds(),
                    < 100 => random.NextInt64(Instant.FromUtc(1850, 1, 1, 0, 0).ToUnixTimeSeconds(), Instant.FromUtc(2600, 1, 1, 0, 0).ToUnixTimeSeconds()),
                    _ => random.NextInt64(Instant.MinValue.ToUnixTimeSeconds(), Instant.MaxValue.ToUnixTimeSeconds()),
                };
                var index = table.Find(seconds, out _);
                Assert.True(
                    zone.GetUtcOffset(Instant.FromUnixTimeSeconds(seconds)).Seconds == table.OffsetSeconds[index],
                    $"{id} at {Instant.FromUnixTimeSeconds(seconds)}");
            }
        }
    }
}
