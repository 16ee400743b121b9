using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Messaging;
using PharmaMes.Infrastructure.Plant;
using PharmaMes.Infrastructure.Plant.Model;

namespace PharmaMes.Web.Components.Pages.Admin;

/// <summary>
/// The plant as engineers build it: the ISA-95 tree on the left, the selected node and its forms on
/// the right. Each form is checked field by field with the domain's own rules, saves nothing until
/// all are right, and asks for the reason that goes into the audit trail. For equipment it shows the
/// MQTT topics, a ready-to-paste <c>mosquitto_pub</c> line and issues the device account.
/// </summary>
public partial class PlantPage
{
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;
    /// <summary>Where the page was opened from, for the audit trail of the credentials changed on it.</summary>
    [CascadingParameter(Name = "ClientAddress")] private string? ClientAddress { get; set; }
    [Inject] private PlantEngineeringService Plant { get; set; } = default!;
    [Inject] private DeviceAccountService Devices { get; set; } = default!;
    [Inject] private IOptions<MqttOptions> Mqtt { get; set; } = default!;
    [Inject] private IJSRuntime Js { get; set; } = default!;

    private PlantModel? model;
    private PlantNode? selected;
    private PlantFormKind form;
    private string? editingTag;
    private PlantForm input = new();
    private Dictionary<string, string> errors = [];
    private string? refusal;
    private string? saved;
    private IssuedDeviceAccount? issued;

    protected override async Task OnInitializedAsync() => model = await Plant.ExportAsync();

    private SiteModel? SelectedSite => model?.Sites.FirstOrDefault(s => s.Code == selected?.Site);
    private AreaModel? SelectedArea => SelectedSite?.Areas.FirstOrDefault(a => a.Code == selected?.Area);
    private LineModel? SelectedLine => SelectedArea?.Lines.FirstOrDefault(l => l.Code == selected?.Line);
    private EquipmentModel? SelectedEquipment => SelectedLine?.Equipment.FirstOrDefault(e => e.Code == selected?.Equipment);

    private string? SelectedName => selected?.Level switch
    {
        PlantLevel.Site => SelectedSite?.Name,
        PlantLevel.Area => SelectedArea?.Name,
        PlantLevel.Line => SelectedLine?.Name,
        PlantLevel.Equipment => SelectedEquipment?.Name,
        _ => null,
    };

    private void Select(PlantNode node)
    {
        selected = node;
        issued = null;
        Open(PlantFormKind.None);
    }

    private bool IsSelected(PlantNode node) => selected == node;

    private void Open(PlantFormKind kind, TagModel? tag = null)
    {
        form = kind;
        errors = [];
        refusal = null;
        saved = null;
        input = new PlantForm();
        editingTag = tag?.Name;
        if (kind == PlantFormKind.Rename)
            input.Name = SelectedName ?? "";
        if (kind == PlantFormKind.Settings && SelectedEquipment?.Settings is { } settings)
        {
            input.CleanHoldHours = settings.CleanHoldHours;
            input.DirtyHoldHours = settings.DirtyHoldHours;
            input.ProductChangeNeedsMajorClean = settings.ProductChangeNeedsMajorClean ?? true;
            input.CalibrationIntervalDays = settings.CalibrationIntervalDays;
            input.IdealRatePerMinute = settings.IdealRatePerMinute;
            input.ProductRates = [.. (settings.ProductIdealRates ?? []).Select(r => new ProductRateRow { Product = r.Product, UnitsPerMinute = r.UnitsPerMinute })];
        }
        if (kind == PlantFormKind.Settings && SelectedEquipment?.SparkplugAddress is { } address)
            (input.SparkplugGroupId, input.SparkplugEdgeNodeId, input.SparkplugDeviceId) = (address.GroupId ?? "", address.EdgeNodeId ?? "", address.DeviceId ?? "");
        if (tag is not null)
        {
            input.TagName = tag.Name;
            input.Description = tag.Description;
            input.Unit = tag.Unit;
            (input.NormalLow, input.NormalHigh, input.AlarmLow, input.AlarmHigh, input.Role) = (tag.NormalLow, tag.NormalHigh, tag.AlarmLow, tag.AlarmHigh, tag.Role);
            input.SparkplugMetric = tag.SparkplugMetric ?? "";
        }
        if (kind == PlantFormKind.None && selected?.Equipment is { } code)
            input.DeviceUser = $"{code.ToLowerInvariant()}-device";
    }

    private string? Error(string field) => errors.GetValueOrDefault(field);

    private string FieldClass(string field) => errors.ContainsKey(field) ? "form-control form-control-lg is-invalid" : "form-control form-control-lg";

    /// <summary>Runs one domain rule on one field; its message, if any, is shown under that field.</summary>
    private void Check(string field, Action rule)
    {
        try
        {
            rule();
        }
        catch (DomainException ex)
        {
            errors.TryAdd(field, ex.Message);
        }
    }

    private void Text(string field, string value, string what, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
            errors.TryAdd(field, $"Enter {what}.");
        else if (value.Trim().Length > maxLength)
            errors.TryAdd(field, $"At most {maxLength} characters.");
    }

    private void Required(string field, double? value, string what)
    {
        if (value is null)
            errors.TryAdd(field, $"Enter the {what}.");
    }

    /// <summary>Checks every field of the open form; true when the form may be saved.</summary>
    private bool Validate()
    {
        errors = [];
        refusal = null;
        switch (form)
        {
            case PlantFormKind.AddSite or PlantFormKind.AddArea or PlantFormKind.AddLine or PlantFormKind.AddEquipment:
                Check("code", () => _ = new PlantCode(input.Code));
                Text("name", input.Name, "a name", Site.NameMaxLength);
                break;
            case PlantFormKind.Rename:
                Text("name", input.Name, "a name", Site.NameMaxLength);
                break;
            case PlantFormKind.AddTag or PlantFormKind.EditTag:
                Check("tagName", () => _ = new TagName(input.TagName));
                Text("description", input.Description, "a description", TagDefinition.DescriptionMaxLength);
                Check("unit", () => _ = new UnitOfMeasure(input.Unit));
                Required("normalLow", input.NormalLow, "low end of the normal range");
                Required("normalHigh", input.NormalHigh, "high end of the normal range");
                Required("alarmLow", input.AlarmLow, "low alarm limit");
                Required("alarmHigh", input.AlarmHigh, "high alarm limit");
                if (input is { NormalLow: { } nl, NormalHigh: { } nh, AlarmLow: { } al, AlarmHigh: { } ah })
                {
                    Check("normalHigh", () => _ = new ValueRange(nl, nh));
                    Check("alarmHigh", () => _ = new ValueRange(al, ah));
                    if (errors.Count == 0)
                        Check("limits", () => TagDefinition.EnsureLimitsEncloseNormalRange(new TagName(input.TagName), new UnitOfMeasure(input.Unit),
                            new ValueRange(nl, nh), new ValueRange(al, ah)));
                }
                if (input.Role == TagRole.ScaleWeight
                    && SelectedEquipment?.Tags.FirstOrDefault(t => t.Role == TagRole.ScaleWeight && t.Name != input.TagName) is { } scale)
                    errors.TryAdd("role", $"Tag '{scale.Name}' is already the scale weight of {selected?.Equipment}; give that tag no role first.");
                ValidateSparkplugMetric();
                break;
        }
        if (form is PlantFormKind.AddEquipment or PlantFormKind.Settings)
        {
            ValidateSettings();
            ValidateSparkplugAddress();
        }
        if (string.IsNullOrWhiteSpace(input.Reason))
            errors["reason"] = PlantEngineeringService.ReasonRequired;
        return errors.Count == 0;
    }

    private void ValidateSettings()
    {
        var maxHours = CleaningRules.MaxHoldTime.TotalHours;
        if (input.CleanHoldHours is <= 0 || input.CleanHoldHours > maxHours)
            errors["cleanHold"] = $"The clean hold time must be more than 0 and at most {maxHours:0} hours.";
        if (input.DirtyHoldHours is <= 0 || input.DirtyHoldHours > maxHours)
            errors["dirtyHold"] = $"The dirty hold time must be more than 0 and at most {maxHours:0} hours.";
        if (input.CalibrationIntervalDays is <= 0 || input.CalibrationIntervalDays > Equipment.MaxCalibrationIntervalDays)
            errors["calibration"] = $"The calibration interval must be between 1 and {Equipment.MaxCalibrationIntervalDays} days.";
        if (input.IdealRatePerMinute is <= 0 || input.IdealRatePerMinute > Equipment.MaxIdealRatePerMinute)
            errors["idealRate"] = $"The ideal rate must be more than 0 and at most {Equipment.MaxIdealRatePerMinute:#,0} units a minute.";
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < input.ProductRates.Count; i++)
        {
            var row = input.ProductRates[i];
            if (string.IsNullOrWhiteSpace(row.Product))
                errors[$"productRate{i}"] = "Type the product's material code, or remove the row.";
            else if (!seen.Add(row.Product.Trim()))
                errors[$"productRate{i}"] = $"{row.Product.Trim().ToUpperInvariant()} has a rate above already: give each product one rate.";
            else if (row.UnitsPerMinute is not > 0 || row.UnitsPerMinute > Equipment.MaxIdealRatePerMinute)
                errors[$"productRate{i}"] = $"The rate must be more than 0 and at most {Equipment.MaxIdealRatePerMinute:#,0} units a minute.";
        }
    }

    private SparkplugAddress? Address() => SparkplugAddress.From(input.SparkplugGroupId, input.SparkplugEdgeNodeId, input.SparkplugDeviceId);

    /// <summary>The address's own rules, then the plant's: no other equipment has it, explicitly or by default.</summary>
    private void ValidateSparkplugAddress()
    {
        SparkplugAddress? address = null;
        Check("sparkplug", () => address = Address());
        if (address is null || model is null)
            return;
        var code = form == PlantFormKind.AddEquipment ? input.Code.Trim().ToUpperInvariant() : selected?.Equipment;
        foreach (var site in model.Sites)
            foreach (var line in site.Areas.SelectMany(a => a.Lines))
                foreach (var other in line.Equipment.Where(e => !string.Equals(e.Code, code, StringComparison.OrdinalIgnoreCase)))
                {
                    if (other.SparkplugAddress?.ToAddress() is { } claimed && claimed.SameAs(address))
                        errors.TryAdd("sparkplug", $"Sparkplug address {address} is already the address of equipment {other.Code}.");
                    else if (new SparkplugAddress(site.Code, line.Code, other.Code).SameAs(address))
                        errors.TryAdd("sparkplug", $"Sparkplug address {address} is the default address of equipment {other.Code} (site {site.Code}, line {line.Code}).");
                }
    }

    private void ValidateSparkplugMetric()
    {
        string? metric = null;
        Check("sparkplugMetric", () => metric = SparkplugMetricName.Optional(input.SparkplugMetric));
        var name = form == PlantFormKind.EditTag ? editingTag : input.TagName.Trim();
        if (metric is not null && SelectedEquipment?.Tags.FirstOrDefault(t => t.Name != name && (t.SparkplugMetric == metric || t.Name == metric)) is { } other)
            errors.TryAdd("sparkplugMetric", $"The Sparkplug metric '{metric}' already names tag '{other.Name}' of {selected?.Equipment}.");
        if (form == PlantFormKind.AddTag && SelectedEquipment?.Tags.FirstOrDefault(t => t.SparkplugMetric == name) is { } reads)
            errors.TryAdd("tagName", $"Tag '{reads.Name}' reads the Sparkplug metric '{name}'; give this tag another name.");
    }

    private EquipmentSettings Settings() =>
        new(input.CleanHoldHours, input.DirtyHoldHours, input.ProductChangeNeedsMajorClean, input.CalibrationIntervalDays, input.IdealRatePerMinute,
            [.. input.ProductRates.Select(r => new ProductIdealRate(r.Product.Trim(), r.UnitsPerMinute ?? 0))]);

    private TagModel Tag() =>
        new(input.TagName, input.Description, input.Unit, input.NormalLow!.Value, input.NormalHigh!.Value, input.AlarmLow!.Value, input.AlarmHigh!.Value, input.Role,
            SparkplugMetric: string.IsNullOrEmpty(input.SparkplugMetric) ? null : input.SparkplugMetric);

    private async Task SaveAsync()
    {
        if (!Validate() || selected is null && form != PlantFormKind.AddSite)
            return;
        var actor = AuditActor.Of((await AuthenticationState).User, input.Reason.Trim());
        var code = input.Code.Trim().ToUpperInvariant();
        try
        {
            (string Message, PlantNode? Next) done = form switch
            {
                PlantFormKind.AddSite => await Do(Plant.AddSiteAsync(code, input.Name, actor), $"Site {code} added.", new PlantNode(PlantLevel.Site, code)),
                PlantFormKind.AddArea => await Do(Plant.AddAreaAsync(selected!.Site, code, input.Name, actor), $"Area {code} added.",
                    new PlantNode(PlantLevel.Area, selected.Site, code)),
                PlantFormKind.AddLine => await Do(Plant.AddLineAsync(selected!.Site, selected.Area!, code, input.Name, actor), $"Line {code} added.",
                    new PlantNode(PlantLevel.Line, selected.Site, selected.Area, code)),
                PlantFormKind.AddEquipment => await Do(Plant.AddEquipmentAsync(selected!.Line!, code, input.Name, input.Class, Settings(), Address(), actor),
                    $"Equipment {code} added.", new PlantNode(PlantLevel.Equipment, selected.Site, selected.Area, selected.Line, code)),
                PlantFormKind.Rename => await Do(Plant.RenameAsync(selected!.Level, selected.Code, input.Name, actor), $"{selected.Code} renamed.", selected),
                PlantFormKind.Settings => await Do(Plant.ChangeEquipmentSettingsAsync(selected!.Equipment!, Settings(), Address(), actor), "Settings saved.", selected),
                PlantFormKind.Retire => await Do(Plant.RetireAsync(selected!.Equipment!, actor), $"{selected.Equipment} retired.", selected),
                PlantFormKind.AddTag => await Do(Plant.DefineTagAsync(selected!.Equipment!, Tag(), actor), $"Tag {input.TagName} added.", selected),
                PlantFormKind.EditTag => await Do(Plant.ReviseTagAsync(selected!.Equipment!, Tag(), actor), $"Tag {input.TagName} saved.", selected),
                _ => ("", selected),
            };
            model = await Plant.ExportAsync();
            selected = done.Next;
            Open(PlantFormKind.None);
            saved = done.Message;
        }
        catch (DomainException ex)
        {
            refusal = ex.Message;
        }
    }

    private static async Task<(string, PlantNode?)> Do(Task change, string message, PlantNode? next)
    {
        await change;
        return (message, next);
    }

    private async Task IssueDeviceAsync()
    {
        refusal = null;
        saved = null;
        try
        {
            issued = await Devices.CreateAsync(input.DeviceUser, selected!.Equipment!, (await AuthenticationState).User.Identity?.Name ?? "unknown", ClientAddress);
        }
        catch (DomainException ex)
        {
            refusal = ex.Message;
        }
    }

    private string Topic(string kind) =>
        $"{Mqtt.Value.TopicRoot}/{selected!.Site}/{selected.Area}/{selected.Line}/{selected.Equipment}/{kind}";

    /// <summary>A telemetry message a device of this equipment may send: each tag at the middle of its normal range; no ts, so the receive time is used.</summary>
    private string ExamplePayload() =>
        JsonSerializer.Serialize(new
        {
            values = (SelectedEquipment?.Tags ?? []).ToDictionary(t => t.Name, t => Math.Round((t.NormalLow + t.NormalHigh) / 2, 3)),
        });

    private string MosquittoPub()
    {
        var broker = Mqtt.Value.Broker;
        var user = issued?.Summary.Username ?? (input.DeviceUser.Length > 0 ? input.DeviceUser : "<device user>");
        var password = issued?.Password ?? "<password>";
        return string.Create(CultureInfo.InvariantCulture,
            $"mosquitto_pub -h {broker.Host} -p {broker.Port} -V mqttv5 -q 1 -i {user} -u {user} -P '{password}' -t '{Topic("telemetry")}' -m '{ExamplePayload()}'");
    }

    private async Task CopyAsync(string text)
    {
        try
        {
            await Js.InvokeVoidAsync("navigator.clipboard.writeText", text);
            saved = "Copied.";
        }
        catch (JSException)
        {
            refusal = "The browser did not allow copying: select the line and copy it by hand.";
        }
    }
}
