using InternalCustomer.Calendars;
using NodaTime;

namespace InternalCustomer.Tests.Calendars;

public sealed class WorkingWindowTests
{
    [Theory]
    [InlineData(17, 9, "Expected", "start 17:00 and end 09:00")]
    [InlineData(9, 9, "Expected", "start 09:00 and end 09:00")]
    public void End_must_be_after_start(int start, int end, string _, string detail)
    {
        var e = Assert.Throws<ArgumentException>(() => new WorkingWindow(new LocalTime(start, 0), new LocalTime(end, 0)));
        Assert.Equal("end", e.ParamName);
        Assert.StartsWith($"A working window must end after it starts (or end at midnight, meaning 24:00); got {detail}.", e.Message);
    }

    [Fact]
    public void Midnight_end_means_end_of_day()
    {
        var w = new WorkingWindow(new LocalTime(22, 0), LocalTime.Midnight);
        Assert.True(w.EndsAtMidnight);
        Assert.Equal(Duration.FromHours(2), w.Length);
        Assert.True(w.Contains(new LocalTime(23, 59, 59)));
        Assert.False(w.Contains(LocalTime.Midnight));
        Assert.Equal("22:00-24:00", w.ToString());
    }

    [Fact]
    public void Default_is_the_whole_day()
    {
        Assert.Equal(WorkingWindow.WholeDay, default);
        Assert.Equal(Duration.FromHours(24), default(WorkingWindow).Length);
        Assert.True(default(WorkingWindow).Contains(LocalTime.Midnight));
    }

    [Fact]
    public void Half_open_overlap_and_order()
    {
        var morning = new WorkingWindow(new LocalTime(9, 0), new LocalTime(12, 0));
        var afternoon = new WorkingWindow(new LocalTime(12, 0), new LocalTime(17, 0));
        var lunch = new WorkingWindow(new LocalTime(11, 30), new LocalTime(12, 30, 15));
        var sameAsMorning = new WorkingWindow(new LocalTime(9, 0), new LocalTime(12, 0));
        Assert.False(morning.Overlaps(afternoon));
        Assert.True(morning.Overlaps(lunch) && lunch.Overlaps(afternoon));
        Assert.True(morning.Contains(new LocalTime(9, 0)) && !morning.Contains(new LocalTime(12, 0)));
        Assert.True(morning < lunch && lunch < afternoon && afternoon > morning && morning <= sameAsMorning && morning >= sameAsMorning);
        Assert.True(morning != afternoon);
        Assert.Equal("11:30-12:30:15", lunch.ToString());
    }
}
