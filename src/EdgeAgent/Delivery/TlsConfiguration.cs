using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using WorkOrders.EdgeAgent.Configuration;

namespace WorkOrders.EdgeAgent.Delivery;

/// <summary>TLS for the plain MQTT profile: a private CA to trust, and an optional client certificate (mutual TLS).</summary>
internal static class TlsConfiguration
{
    public static MqttClientTlsOptions Build(MqttOptions mqtt, string targetHost)
    {
        var builder = new MqttClientTlsOptionsBuilder().UseTls().WithTargetHost(targetHost);
        if (mqtt.CaCertificatePath is { } caPath)
        {
            var authority = X509CertificateLoader.LoadCertificateFromFile(caPath);
            builder.WithCertificateValidationHandler(args => IsTrusted(args.Certificate, args.SslPolicyErrors, authority));
        }

        if (mqtt.ClientCertificatePath is { } certificatePath && mqtt.ClientKeyPath is { } keyPath)
        {
            using var pem = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
            // Re-import so the key is usable by SslStream on every platform.
            var certificate = X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
            builder.WithClientCertificates([certificate]);
        }

        return builder.Build();
    }

    private static bool IsTrusted(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2 authority)
    {
        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var server = new X509Certificate2(certificate);
        return chain.Build(server);
    }
}
