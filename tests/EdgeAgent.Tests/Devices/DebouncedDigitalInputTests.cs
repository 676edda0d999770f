using System.Device.Gpio;
using Microsoft.Extensions.Time.Testing;
using WorkOrders.EdgeAgent.Devices.Digital;
using WorkOrders.EdgeAgent.Tests.Fakes;

namespace WorkOrders.EdgeAgent.Tests.Devices;

public sealed class DebouncedDigitalInputTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly FakeGpioDriver _driver = new();

    [Fact]
    public void ReportsAnActiveLowContact_OnlyAfterItStopsBouncing()
    {
        using var controller = new GpioController(_driver);
        using var input = new DebouncedDigitalInput(controller, 17, new DigitalInputWiring(DigitalInputPull.Up, ActiveLow: true), TimeSpan.FromMilliseconds(50), _time);
        Assert.False(input.IsActive);

        _driver.SetLevel(17, PinValue.Low);
        _time.Advance(TimeSpan.FromMilliseconds(2));
        _driver.SetLevel(17, PinValue.High);
        _time.Advance(TimeSpan.FromMilliseconds(2));
        _driver.SetLevel(17, PinValue.Low);
        _time.Advance(TimeSpan.FromMilliseconds(30));
        var duringBounce = input.IsActive;
        _time.Advance(TimeSpan.FromMilliseconds(20));
        var afterSettling = input.IsActive;

        Assert.False(duringBounce);
        Assert.True(afterSettling);
        Assert.Equal(1, input.Transitions);
    }

    [Fact]
    public void ClosesItsPin_WhenDisposed()
    {
        using var controller = new GpioController(_driver);
        var input = new DebouncedDigitalInput(controller, 5, new DigitalInputWiring(DigitalInputPull.Down, ActiveLow: false), TimeSpan.FromMilliseconds(10), _time);

        input.Dispose();

        Assert.DoesNotContain(5, _driver.OpenPins);
    }
}
