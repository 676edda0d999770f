using System.Net;

namespace WorkOrders.Ingest.TimeSeries;

/// <summary>InfluxDB refused a write, or could not be reached after the retries; carries InfluxDB's own error text.</summary>
public sealed class InfluxWriteException : Exception
{
    public InfluxWriteException()
    {
    }

    public InfluxWriteException(string message)
        : base(message)
    {
    }

    public InfluxWriteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InfluxWriteException(string message, HttpStatusCode? statusCode, string? responseBody, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ResponseBody = responseBody;
    }

    /// <summary>The last HTTP status, or null when no answer came (network error, time-out).</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>InfluxDB's answer, e.g. <c>{"error":"unable to parse ..."}</c>.</summary>
    public string? ResponseBody { get; }
}
