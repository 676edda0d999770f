namespace WorkOrders.EdgeAgent.Devices.Bus;

/// <summary>Register-level access to a chip, whatever wire it hangs on.</summary>
internal interface IRegisterBus : IDisposable
{
    /// <summary>Where the chip is, for error messages: "I2C bus 1, address 0x76".</summary>
    string Location { get; }

    void Read(byte register, Span<byte> destination);

    void Write(byte register, byte value);
}
