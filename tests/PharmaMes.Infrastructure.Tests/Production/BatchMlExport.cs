using System.Diagnostics;
using System.Xml.Linq;
using PharmaMes.Infrastructure.Production;
using PharmaMes.Infrastructure.Quality;
using static PharmaMes.Infrastructure.Tests.Production.TestBatches;

namespace PharmaMes.Infrastructure.Tests.Production;

public class BatchMlExport
{
    private static readonly XNamespace B2mml = "http://www.mesa.org/xml/B2MML";

    /// <summary>
    /// A batch run to release: a verified dispense, a value out of limits corrected later, a
    /// comment, the quality exception investigated and closed, every step signed, QA's release.
    /// </summary>
    private static async Task<BatchRecordView> ReleasedBatchAsync(MesTestHost host)
    {
        var (operatorUser, supervisor, qa) = (await PersonAsync(host, "operator"), await PersonAsync(host, "supervisor"), await PersonAsync(host, "qa"));
        var execution = host.Get<BatchExecutionService>();
        var number = await NewBatchAsync(host);
        await execution.StartAsync(number, operatorUser);
        await execution.StartStepAsync(number, 1, "DISP-01", operatorUser);
        await execution.DispenseAsync(number, 1, "API-PARA", "PARA-24-0117", 5.02m, operatorUser);
        await execution.CompleteStepAsync(number, 1, Credentials("operator"), operatorUser);
        await execution.VerifyStepAsync(number, 1, Credentials("supervisor"), supervisor);
        await execution.StartStepAsync(number, 2, "FBD-01", operatorUser);
        await execution.RecordValueAsync(number, 2, "Inlet air temperature", 61, operatorUser);
        var outOfLimits = await execution.RecordValueAsync(number, 2, "Loss on drying", 2.4, operatorUser);
        await execution.CorrectValueAsync(number, outOfLimits.EntrySequence, 1.8, "Re-tested after cleaning the probe", operatorUser);
        await execution.CommentAsync(number, 2, "Granulate <dry> & free-flowing", operatorUser);
        await execution.CompleteStepAsync(number, 2, Credentials("operator"), operatorUser);
        await execution.CompleteAsync(number, 9_950m, operatorUser);
        var exceptions = host.Get<QualityExceptionService>();
        await exceptions.AddNoteAsync(outOfLimits.QualityExceptionNumber!, "Probe drift confirmed at calibration.", qa);
        await exceptions.CloseAsync(outOfLimits.QualityExceptionNumber!, "Re-tested: 1.8 %. Probe drift, no product impact.", Credentials("qa"), qa);
        var review = host.Get<BatchReviewService>();
        await review.ReleaseAsync(number, Credentials("qa"), qa);
        return (await review.GetRecordAsync(number))!;
    }

    [Fact]
    public async Task AReleasedBatchExportsAsValidBatchMlWithItsDispenseDeviationAndSignatures()
    {
        await using var host = await MesTestHost.StartAsync();
        var record = await ReleasedBatchAsync(host);
        var number = record.Batch.Number.Value;

        var document = BatchMlExporter.Export(record);

        Assert.Empty(BatchMlSchema.Validate(document));
        Assert.Empty(BatchMlSchema.Validate(document, B2mmlSchemaFolder.EntryPoint));
        var root = document.Root!;
        Assert.Equal(B2mml + "BatchProductionRecord", root.Name);
        Assert.Equal(number, root.Element(B2mml + "ID")!.Value);
        Assert.Equal("Released", root.Element(B2mml + "RecordStatus")!.Value);
        Assert.Equal(number, root.Element(B2mml + "LotID")!.Value);
        Assert.Equal("1", root.Descendants(B2mml + "MasterRecipe").Single().Element(B2mml + "Version")!.Value);

        var events = root.Element(B2mml + "Events")!.Elements(B2mml + "Event").ToList();
        Assert.Equal(record.Entries.Select(e => $"Entry-{e.Sequence}"), events.Select(e => e.Element(B2mml + "EntryID")!.Value));
        Assert.All(events, e => Assert.EndsWith("Z", e.Element(B2mml + "TimeStamp")!.Value));

        var dispense = events.Single(e => Text(e, "Category") == "MaterialDispensed");
        Assert.Equal(("Material", "Consume"), (Text(dispense, "EventType"), Text(dispense, "EventSubType")));
        Assert.Equal("PARA-24-0117", Attribute(dispense, "LotID"));
        Assert.Equal(("5.02", "kg", "API-PARA"), ValueOf(dispense.Element(B2mml + "Value")!));
        Assert.Equal("Step-1", Text(dispense, "ProceduralElementReference"));
        Assert.Equal("operator", Text(dispense, "PersonID"));

        var lossOnDrying = events.First(e => Text(e, "Category") == "ValueRecorded" && Text(e, "Description")!.Contains("Loss on drying"));
        Assert.Equal(("2.4", "%", "Loss on drying"), ValueOf(lossOnDrying.Element(B2mml + "Value")!));
        Assert.Equal("OutOfLimits", Attribute(lossOnDrying, "Result"));
        var correction = events.Single(e => Text(e, "Category") == "ValueCorrected");
        Assert.Equal(Text(lossOnDrying, "EntryID"), Text(correction, "AssociatedEventID"));
        Assert.Equal("2.4", correction.Element(B2mml + "PreviousValue")!.Element(B2mml + "ValueString")!.Value);
        var change = root.Element(B2mml + "ChangeHistory")!.Element(B2mml + "Change")!;
        Assert.Equal((Text(lossOnDrying, "EntryID"), "Re-tested after cleaning the probe"), (Text(change, "RecordReference"), Text(change, "Reason")));

        var manifests = root.Element(B2mml + "PersonnelIdentification")!.Elements(B2mml + "PersonnelIdentificationManifest").ToList();
        Assert.Equal(["Performed", "Verified", "Performed", "Reviewed", "Released"], manifests.Select(m => Text(m, "ChangeIndication")));
        var release = manifests.Last();
        Assert.Equal(("Quinn Andersen", number), (Text(release, "Name"), Text(release, "RecordReference")));
        Assert.Contains(release.Elements(B2mml + "Description"), d => d.Value == "Valid: true (the record still holds the signed content)");
        Assert.Contains(release.Elements(B2mml + "Description"), d => d.Value.StartsWith("Content SHA-256: ", StringComparison.Ordinal) && d.Value.Length == 17 + 64);
        var disposition = events.Single(e => Text(e, "Category") == "Disposition");
        Assert.Equal(Text(release, "EntryID"), Attribute(disposition, "SignatureReference"));

        var exception = record.Exceptions.Single();
        var comment = root.Element(B2mml + "Comments")!.Elements(B2mml + "Comment").Single(c => Text(c, "EntryID") == exception.Number.Value);
        Assert.Contains(comment.Elements(B2mml + "CommentText"), t => t.Value.Contains("Probe drift confirmed at calibration."));
        Assert.Contains(comment.Elements(B2mml + "CommentText"), t => t.Value.StartsWith("Closed by qa at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task XmllintAcceptsTheExportAgainstTheBatchProductionRecordSchemaAndThePharmaMesEntryPoint()
    {
        await using var host = await MesTestHost.StartAsync();
        var record = await ReleasedBatchAsync(host);
        var file = Path.Combine(host.Folder, $"{record.Batch.Number}.batchml.xml");
        BatchMlExporter.Export(record).Save(file);

        var (exitCode, output) = await XmllintAsync("--noout", "--schema", BatchMlSchema.RecordSchema, file);

        var (entryPointExitCode, entryPointOutput) = await XmllintAsync("--noout", "--schema", B2mmlSchemaFolder.EntryPoint, file);

        Assert.True(exitCode == 0, $"xmllint rejected the export (exit code {exitCode}):{Environment.NewLine}{output}");
        Assert.True(entryPointExitCode == 0, $"xmllint rejected the export against {B2mmlSchemaFolder.EntryPointFile} (exit code {entryPointExitCode}):{Environment.NewLine}{entryPointOutput}");
    }

    [Fact]
    public async Task ABatchJustCreatedExportsValidTooWithItsStepsStillIdle()
    {
        await using var host = await MesTestHost.StartAsync();
        var number = await NewBatchAsync(host);
        var record = (await host.Get<BatchReviewService>().GetRecordAsync(number))!;

        var document = BatchMlExporter.Export(record);

        Assert.Empty(BatchMlSchema.Validate(document));
        var steps = document.Descendants(B2mml + "ControlRecipe").Single().Elements(B2mml + "RecipeElement").ToList();
        Assert.Equal(["Step-1", "Step-2"], steps.Select(s => Text(s, "ID")));
        Assert.All(steps, s => Assert.Equal("Idle", s.Element(B2mml + "Header")!.Element(B2mml + "Status")!.Value));
        Assert.Null(document.Root!.Element(B2mml + "PersonnelIdentification"));
        Assert.Null(document.Root!.Element(B2mml + "LotID"));
    }

    private static string? Text(XElement element, string name) => element.Element(B2mml + name)?.Value;

    private static (string Value, string? Unit, string? Key) ValueOf(XElement value) =>
        (Text(value, "ValueString")!, Text(value, "UnitOfMeasure"), Text(value, "Key"));

    private static string? Attribute(XElement e, string id) =>
        e.Elements(B2mml + "UserAttribute").SingleOrDefault(a => Text(a, "AttributeID") == id)?.Element(B2mml + "Value")?.Element(B2mml + "ValueString")?.Value;

    private static async Task<(int ExitCode, string Output)> XmllintAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("xmllint", arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("xmllint is not installed: run ./test.sh, which installs it (libxml2-utils).", e);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await output + await errors);
        }
    }
}
