using System.Device.Gpio;

namespace WorkOrders.EdgeAgent.Tests.Fakes;

/// <summary>A GPIO driver with pins the test drives; level changes raise the registered edge callbacks.</summary>
public sealed class FakeGpioDriver : GpioDriver
{
    private readonly Dictionary<int, PinValue> _values = [];
    private readonly Dictionary<int, PinMode> _modes = [];
    private readonly Dictionary<int, PinChangeEventHandler> _callbacks = [];

    public HashSet<int> OpenPins { get; } = [];

    protected override int PinCount => 28;

    public void SetLevel(int pin, PinValue value)
    {
        var previous = _values.GetValueOrDefault(pin, PinValue.Low);
        _values[pin] = value;
        if (previous != value && _callbacks.TryGetValue(pin, out var callback))
        {
            callback(this, new PinValueChangedEventArgs(value == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling, pin));
        }
    }

    protected override void OpenPin(int pinNumber) => OpenPins.Add(pinNumber);

    protected override void ClosePin(int pinNumber) => OpenPins.Remove(pinNumber);

    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
        _modes[pinNumber] = mode;
        if (mode == PinMode.InputPullUp && !_values.ContainsKey(pinNumber))
        {
            _values[pinNumber] = PinValue.High;
        }
    }

    protected override PinMode GetPinMode(int pinNumber) => _modes.GetValueOrDefault(pinNumber, PinMode.Input);

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => true;

    protected override PinValue Read(int pinNumber) => _values.GetValueOrDefault(pinNumber, PinValue.Low);

    protected override void Write(int pinNumber, PinValue value) => _values[pinNumber] = value;

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Tests use callbacks.");

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback) =>
        _callbacks[pinNumber] = callback;

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback) =>
        _callbacks.Remove(pinNumber);
}
