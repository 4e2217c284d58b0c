using System.Net;
using Microsoft.EntityFrameworkCore;
using TayNinhCchc.Web.Data;

namespace TayNinhCchc.Web.Tests.Pages.DanhGia;

/// <summary>Many citizens at once: every acknowledged rating is stored exactly once, and the tallies agree.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Two_hundred_parallel_submissions_store_exactly_two_hundred_ratings()
    {
        using var portal = new PortalFactory();
        var receipts = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            var client = portal.CreatePortalClient();
            var form = (await SurveyForm.OpenAsync(client)).With(SurveyForm.Valid).Set("Input.Dossier", $"HS-PARALLEL-{i:D4}");
            using var response = await form.PostAsync(client);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            return response.Headers.Location!.ToString().Split("so=")[1];
        }));

        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Equal(200, await db.Ratings.CountAsync());
        Assert.Equal(200, receipts.Distinct().Count());
        Assert.Equal(200 * 8, await db.RatingAnswers.CountAsync());
        Assert.Equal(200, await db.RatingTallies.Where(t => t.ProcedureCode == "").SumAsync(t => t.Ratings));
        Assert.Equal(200, await db.AnswerTallies.Where(t => t.CriterionCode == "tong-the").SumAsync(t => t.Count));
    }

    [Fact]
    public async Task The_same_dossier_submitted_twenty_times_at_once_is_stored_once()
    {
        using var portal = new PortalFactory();
        var statuses = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            var client = portal.CreatePortalClient();
            var form = (await SurveyForm.OpenAsync(client)).With(SurveyForm.Valid).Set("Input.Dossier", "HS-RACE-0001");
            using var response = await form.PostAsync(client);
            return response.StatusCode;
        }));

        Assert.Equal(1, statuses.Count(status => status == HttpStatusCode.Redirect));
        Assert.Equal(19, statuses.Count(status => status == HttpStatusCode.OK));
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Equal(1, await db.Ratings.CountAsync());
        Assert.Equal(1, await db.RatingTallies.Where(t => t.ProcedureCode == "").SumAsync(t => t.Ratings));
    }

    [Fact]
    public async Task An_already_rated_dossier_among_new_ones_sent_at_once_fails_alone()
    {
        using var portal = new PortalFactory();
        var first = portal.CreatePortalClient();
        using (var rated = await (await SurveyForm.OpenAsync(first)).With(SurveyForm.Valid).Set("Input.Dossier", "HS-MIXED-RATED").PostAsync(first))
        {
            Assert.Equal(HttpStatusCode.Redirect, rated.StatusCode);
        }

        // Forms opened first, then all sent together, so the writer meets the duplicates inside its groups.
        var sends = new List<(HttpClient Client, SurveyForm Form, bool Duplicate)>();
        for (var i = 0; i < 30; i++)
        {
            var client = portal.CreatePortalClient();
            var duplicate = i % 3 == 0;
            var form = (await SurveyForm.OpenAsync(client)).With(SurveyForm.Valid).Set("Input.Dossier", duplicate ? "HS-MIXED-RATED" : $"HS-MIXED-{i:D2}");
            sends.Add((client, form, duplicate));
        }

        var outcomes = await Task.WhenAll(sends.Select(async send =>
        {
            using var response = await send.Form.PostAsync(send.Client);
            return (send.Duplicate, response.StatusCode);
        }));

        Assert.All(outcomes, outcome => Assert.Equal(outcome.Duplicate ? HttpStatusCode.OK : HttpStatusCode.Redirect, outcome.StatusCode));
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Equal(21, await db.Ratings.CountAsync());
        Assert.Equal(21 * 8, await db.RatingAnswers.CountAsync());
        Assert.Equal(21, await db.RatingTallies.Where(t => t.ProcedureCode == "").SumAsync(t => t.Ratings));
    }
}
