using WorkOrders.EdgeAgent.Devices.Digital;

namespace WorkOrders.EdgeAgent.Tests.Devices;

public sealed class DebouncerTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(50);

    [Fact]
    public void KeepsTheOldState_WhileTheContactBounces()
    {
        var debouncer = new Debouncer(false, Debounce, T0);

        debouncer.Edge(true, T0.AddMilliseconds(1));
        debouncer.Edge(false, T0.AddMilliseconds(3));
        debouncer.Edge(true, T0.AddMilliseconds(7));

        Assert.False(debouncer.Update(true, T0.AddMilliseconds(40)));
        Assert.False(debouncer.Update(true, T0.AddMilliseconds(56)));
        Assert.True(debouncer.Update(true, T0.AddMilliseconds(57)));
        Assert.Equal(1, debouncer.Transitions);
    }

    [Fact]
    public void IgnoresAGlitch_ThatReturnsBeforeTheDebounceTime()
    {
        var debouncer = new Debouncer(true, Debounce, T0);

        Assert.True(debouncer.Update(false, T0.AddMilliseconds(10)));
        Assert.True(debouncer.Update(true, T0.AddMilliseconds(30)));
        Assert.True(debouncer.Update(true, T0.AddMilliseconds(500)));
        Assert.Equal(0, debouncer.Transitions);
    }
}
