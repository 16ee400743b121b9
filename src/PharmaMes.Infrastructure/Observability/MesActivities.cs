using System.Diagnostics;

namespace PharmaMes.Infrastructure.Observability;

/// <summary>
/// The MES's own spans, beside ASP.NET Core's, HttpClient's and EF Core's: an ingest batch stored,
/// an ERP message delivered. Without a tracer listening, starting one costs a null check.
/// </summary>
public static class MesActivities
{
    public const string Name = "PharmaMes";

    public static readonly ActivitySource Source = new(Name);
}
