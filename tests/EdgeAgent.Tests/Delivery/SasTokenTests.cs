using WorkOrders.EdgeAgent.Delivery;

namespace WorkOrders.EdgeAgent.Tests.Delivery;

public sealed class SasTokenTests
{
    [Fact]
    public void SignsTheResourceAndExpiry_AsIotHubDocumentsIt()
    {
        // Expected value computed independently (Python hmac/base64/quote_plus) from the documented algorithm.
        var token = SasToken.Create(
            "factory-hub.azure-devices.net/devices/pump-7",
            "cHVtcC03IGRldmljZSBrZXksIDMyIGJ5dGVzIGxvbmc=",
            DateTimeOffset.FromUnixTimeSeconds(1767225600));

        Assert.Equal(
            "SharedAccessSignature sr=factory-hub.azure-devices.net%2Fdevices%2Fpump-7&sig=23U331d2zoOW43MwURH%2Br63TnZuPMz6%2FeKjbZpcd3%2F0%3D&se=1767225600",
            token);
    }
}
