using System.Device.Gpio;

namespace WorkOrders.EdgeAgent.Devices.Digital;

/// <summary>
/// A contact on a GPIO pin (run/stop, door, limit switch), debounced in software. Edges arrive by
/// interrupt and restart the debounce wait; the state is confirmed when read.
/// </summary>
public sealed class DebouncedDigitalInput : IDigitalInput
{
    private readonly GpioController _controller;
    private readonly int _pin;
    private readonly bool _activeLow;
    private readonly TimeProvider _timeProvider;
    private readonly Debouncer _debouncer;

    public DebouncedDigitalInput(GpioController controller, int pin, DigitalInputWiring wiring, TimeSpan debounceTime, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(wiring);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _controller = controller;
        _pin = pin;
        _activeLow = wiring.ActiveLow;
        _timeProvider = timeProvider;

        var mode = wiring.Pull switch
        {
            DigitalInputPull.Up => PinMode.InputPullUp,
            DigitalInputPull.Down => PinMode.InputPullDown,
            _ => PinMode.Input,
        };
        if (!controller.IsPinModeSupported(pin, mode))
        {
            throw new IOException($"GPIO {pin} does not support {mode}.");
        }

        controller.OpenPin(pin, mode);
        _debouncer = new Debouncer(ReadRaw(), debounceTime, timeProvider.GetUtcNow());
        controller.RegisterCallbackForPinValueChangedEvent(pin, PinEventTypes.Rising | PinEventTypes.Falling, OnEdge);
    }

    public bool IsActive => _debouncer.Update(ReadRaw(), _timeProvider.GetUtcNow());

    /// <summary>Debounced transitions since start (a run/stop input counts starts and stops).</summary>
    public long Transitions => _debouncer.Transitions;

    public void Dispose()
    {
        _controller.UnregisterCallbackForPinValueChangedEvent(_pin, OnEdge);
        _controller.ClosePin(_pin);
    }

    private bool ReadRaw() => (_controller.Read(_pin) == PinValue.High) != _activeLow;

    private void OnEdge(object sender, PinValueChangedEventArgs args)
    {
        var high = args.ChangeType == PinEventTypes.Rising;
        _debouncer.Edge(high != _activeLow, _timeProvider.GetUtcNow());
    }
}
