using Microsoft.Playwright;

namespace PharmaMes.EndToEnd.Tests;

/// <summary>
/// A planner on a 1024×768 tablet: the planning board shows the demo's orders on their equipment; an order made Urgent
/// on the orders list shows first what it would do to the plan, then, saved with a reason, is planned again by itself
/// and shows its new priority on the board.
/// </summary>
public class PlanningJourney(LivePlantApp app, Chromium chromium) : IClassFixture<LivePlantApp>, IClassFixture<Chromium>
{
    [Fact]
    public async Task TheBoardShowsTheScheduleAndAnOrderMadeUrgentIsPlannedAgain()
    {
        var page = await OpenBoardAsync();
        var bars = page.Locator("[data-gantt-row] [data-operation]");
        await bars.First.WaitForAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator("[data-testid=schedule-summary]")).ToContainTextAsync("Planned");
        await Screenshots.SaveAsync(page, "planning-board", fullPage: true);
        var order = (await page.Locator("[data-schedule-order]").First.GetAttributeAsync("data-schedule-order"))!;
        Assert.True(await page.Locator($"[data-operation^='{order}/']").CountAsync() > 1);

        await page.Locator("[data-span='168']").ClickAsync();
        await Expect(page.Locator("[data-span='168']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("btn-secondary"));
        await page.Locator($"[data-schedule-order='{order}']").ClickAsync();
        await Expect(page.Locator($"[data-operation^='{order}/']").First).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mes-gantt-selected"));
        await Expect(page.Locator("[data-testid=selected-order]")).ToContainTextAsync(order);
        await Screenshots.SaveAsync(page, "planning-board-week");

        await page.GotoAsync(new Uri(app.BaseAddress, "/batches").ToString());
        await page.Locator(".mes-shell[data-interactive]").WaitForAsync();
        // An order that has not started yet: its quantity, due date and priority may still change.
        order = (await page.Locator("tr[data-order]", new() { Has = page.Locator("[data-action=change-order]") })
            .EvaluateAllAsync<string>("rows => rows.find(r => r.querySelector('[data-priority]').dataset.priority !== '1').dataset.order"));
        var row = page.Locator($"tr[data-order='{order}']");
        await row.Locator("[data-action=change-order]").ClickAsync();
        var form = page.Locator($"[data-order-change='{order}']");
        await form.Locator("[data-field=priority]").SelectOptionAsync("1");
        await form.Locator("[data-field=due-date]").FillAsync(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await form.Locator("[data-action=check-order-change]").ClickAsync();
        // Planned as a what-if before anything is saved: the order made urgent and due today moves up.
        await Expect(form.Locator($"[data-testid=order-change-check] [data-change-order='{order}']")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await form.Locator("[data-field=change-reason]").FillAsync("Customer stock-out: needed first");
        await Screenshots.SaveAsync(page, "order-change");
        await form.Locator("[data-action=save-order]").ClickAsync();
        await Expect(page.Locator(".mes-outcome")).ToContainTextAsync($"Order {order} changed");
        await Expect(row.Locator("[data-priority]")).ToHaveTextAsync("Urgent");

        await page.GotoAsync(new Uri(app.BaseAddress, "/planning").ToString());
        await page.Locator(".mes-shell[data-interactive]").WaitForAsync();
        // The change is planned by itself a few seconds later.
        await Expect(page.Locator($"[data-schedule-order='{order}'] .mes-priority")).ToHaveTextAsync("Urgent", new() { Timeout = 30_000 });
    }

    [Fact]
    public async Task APressStepDraggedOntoTheGranulatorIsRefusedWithWhyAndMovedToTheOtherPressWithAReason()
    {
        var page = await OpenBoardAsync();
        await page.Locator("[data-gantt-row^='TP-'] [data-operation]").First.WaitForAsync(new() { Timeout = 30_000 });
        // The widest press step on the board, as a planner grabs the one they can see best (a step of a few minutes is a
        // sliver on a day's board).
        var operation = await page.EvaluateAsync<string>("""
            () => [...document.querySelectorAll("[data-gantt-row^='TP-'] [data-operation]")]
                .reduce((a, b) => b.getBoundingClientRect().width > a.getBoundingClientRect().width ? b : a).dataset.operation
            """);
        var compression = page.Locator($"[data-gantt-row^='TP-'] [data-operation='{operation}']");
        var press = await compression.EvaluateAsync<string>("bar => bar.closest('[data-gantt-row]').dataset.ganttRow");

        await compression.DragToAsync(page.Locator("[data-gantt-row='GRAN-01'] .mes-gantt-track"), new() { TargetPosition = new() { X = 300, Y = 12 } });
        var check = page.Locator("[data-testid=move-check]");
        await Expect(check).ToHaveAttributeAsync("data-can-stand", "false");
        await Expect(check).ToContainTextAsync("cannot run on GRAN-01: it runs on TP-01, TP-02");
        Assert.True(await page.Locator("[data-action=confirm-move]").IsDisabledAsync());
        await Screenshots.SaveAsync(page, "planning-move-refused", fullPage: true);

        await page.Locator("[data-action=cancel-move]").ClickAsync();
        var step = operation[(operation.IndexOf('/') + 1)..];
        await page.Locator($"[data-testid=selected-order] [data-action=move-step][data-step='{step}']").ClickAsync();
        var other = press == "TP-01" ? "TP-02" : "TP-01";
        await page.Locator("[data-field=move-equipment]").SelectOptionAsync(other);
        // The other press is slower: at the same start the step may run into a break; later half hours are tried.
        var start = DateTime.Parse(await page.Locator("[data-field=move-start]").InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture);
        for (var k = 1; k < 16; k++)
        {
            await Expect(check).ToHaveAttributeAsync("data-can-stand", new System.Text.RegularExpressions.Regex("true|false"));
            if (await check.GetAttributeAsync("data-can-stand") == "true")
                break;
            await page.Locator("[data-field=move-start]").FillAsync(start.AddMinutes(30 * k).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));
            await page.Locator("[data-field=move-start]").DispatchEventAsync("change");
        }
        await Expect(check).ToHaveAttributeAsync("data-can-stand", "true");
        await Expect(check.Locator($"[data-move-order='{operation[..operation.IndexOf('/')]}']")).ToBeVisibleAsync();
        await page.Locator("[data-field=move-reason]").FillAsync($"{press} keeps its punches for the next product");
        await Screenshots.SaveAsync(page, "planning-move-checked", fullPage: true);
        await page.Locator("[data-action=confirm-move]").ClickAsync();

        await Expect(page.Locator(".mes-outcome")).ToContainTextAsync($"moved to {other}");
        await Expect(page.Locator($"[data-gantt-row='{other}'] [data-operation='{operation}']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mes-gantt-pinned"));
        await Screenshots.SaveAsync(page, "planning-move-done", fullPage: true);
    }

    /// <summary>The board on a planner's tablet, planned if nothing is on it yet.</summary>
    private async Task<IPage> OpenBoardAsync()
    {
        var page = await chromium.SignInAsync(app, "planner");
        await page.SetViewportSizeAsync(1024, 768);
        await page.GotoAsync(new Uri(app.BaseAddress, "/planning").ToString());
        await page.Locator(".mes-shell[data-interactive]").WaitForAsync();
        if (await page.Locator("[data-operation]").CountAsync() == 0)
            await page.Locator("[data-action=plan-now]").ClickAsync();
        return page;
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
