using System.Globalization;
using Microsoft.AspNetCore.Components;
using PharmaMes.Domain.Audit;
using PharmaMes.Infrastructure.Audit;

namespace PharmaMes.Web.Components.Pages.Audit;

/// <summary>
/// The audit trail for a QA reviewer. The applied filters and the page live in the address, with the
/// names the API uses: a view can be bookmarked or sent on, and the export link carries it as it is.
/// </summary>
public partial class AuditTrailPage
{
    public const int PageSize = 100;
    private const int MaxPage = int.MaxValue / PageSize;
    private const string InputFormat = "yyyy-MM-dd'T'HH:mm";

    [SupplyParameterFromQuery(Name = "from")]
    public string? From { get; set; }

    [SupplyParameterFromQuery(Name = "to")]
    public string? To { get; set; }

    [SupplyParameterFromQuery(Name = "user")]
    public string? User { get; set; }

    [SupplyParameterFromQuery(Name = "entityType")]
    public string? EntityType { get; set; }

    [SupplyParameterFromQuery(Name = "record")]
    public string? Record { get; set; }

    [SupplyParameterFromQuery(Name = "action")]
    public string? Action { get; set; }

    // Text, not a number: a mistyped address shows the first page instead of failing.
    [SupplyParameterFromQuery(Name = "page")]
    public string? Page { get; set; }

    private IReadOnlyList<string> entityTypes = [];
    private AuditPage? found;
    private AuditFilter applied = new();
    private FilterInput draft = new();
    private string? filterError;
    private AuditVerification? verification;
    private bool verifying;

    private string ExportUrl => "/api/v1/audit/export.csv" + Query(applied, page: null);

    protected override async Task OnInitializedAsync() => entityTypes = await AuditTrail.EntityTypesAsync();

    protected override async Task OnParametersSetAsync()
    {
        applied = new AuditFilter(ParseUtc(From), ParseUtc(To), Blank(User), Blank(EntityType), Blank(Record),
            Enum.TryParse<AuditAction>(Action, ignoreCase: true, out var action) && Enum.IsDefined(action) ? action : null);
        draft = FilterInput.Of(applied);
        filterError = null;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var page = int.TryParse(Page, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? Math.Clamp(number, 1, MaxPage) : 1;
        found = await AuditTrail.FindAsync(applied, page, PageSize);
        // A page past the end (the filter narrowed, an old link) shows the last one rather than nothing.
        if (found.Page > found.Pages)
            found = await AuditTrail.FindAsync(applied, found.Pages, PageSize);
    }

    private async Task ApplyAsync()
    {
        var from = ParseUtc(draft.From);
        var to = ParseUtc(draft.To);
        if (from is not null && to is not null && to <= from)
        {
            filterError = "The end of the range must be after its start.";
            return;
        }
        var filter = new AuditFilter(from, to, Blank(draft.User), Blank(draft.EntityType), Blank(draft.Record),
            Enum.TryParse<AuditAction>(draft.Action, out var action) ? action : null);
        await ShowAsync(filter, page: 1);
    }

    private Task ClearAsync() => ShowAsync(new AuditFilter(), page: 1);

    private void GoToPage(int page) => Navigation.NavigateTo("/audit" + Query(applied, page));

    /// <summary>Moves to the filtered view; asking again for the view shown re-reads it, so new entries appear.</summary>
    private async Task ShowAsync(AuditFilter filter, int page)
    {
        var target = Navigation.ToAbsoluteUri("/audit" + Query(filter, page));
        if (target == new Uri(Navigation.Uri))
        {
            filterError = null;
            await LoadAsync();
            return;
        }
        Navigation.NavigateTo(target.ToString());
    }

    private async Task VerifyAsync()
    {
        verifying = true;
        try
        {
            verification = await AuditTrail.VerifyAsync();
        }
        finally
        {
            verifying = false;
        }
    }

    private static string Query(AuditFilter filter, int? page)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
        }
        Add("from", filter.From?.UtcDateTime.ToString(InputFormat + "'Z'", CultureInfo.InvariantCulture));
        Add("to", filter.To?.UtcDateTime.ToString(InputFormat + "'Z'", CultureInfo.InvariantCulture));
        Add("user", filter.User);
        Add("entityType", filter.EntityType);
        Add("record", filter.Record);
        Add("action", filter.Action?.ToString());
        if (page > 1)
            Add("page", page.Value.ToString(CultureInfo.InvariantCulture));
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    private static string Matching(int total) => total switch
    {
        0 => "no entry matches",
        1 => "1 entry matches",
        _ => $"{total:#,0} entries match",
    };

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A time from the address or the form, read as UTC: the browser's own zone plays no part.</summary>
    private static DateTimeOffset? ParseUtc(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value.ToUniversalTime() : null;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The filter as typed, before it is applied.</summary>
    private sealed class FilterInput
    {
        public string? From { get; set; }
        public string? To { get; set; }
        public string? User { get; set; }
        public string? EntityType { get; set; }
        public string? Record { get; set; }
        public string? Action { get; set; }

        public static FilterInput Of(AuditFilter filter) => new()
        {
            From = filter.From?.UtcDateTime.ToString(InputFormat, CultureInfo.InvariantCulture),
            To = filter.To?.UtcDateTime.ToString(InputFormat, CultureInfo.InvariantCulture),
            User = filter.User,
            EntityType = filter.EntityType,
            Record = filter.Record,
            Action = filter.Action?.ToString(),
        };
    }
}
