using System.Net;
using Microsoft.EntityFrameworkCore;
using TayNinhCchc.Web.Data;
using TayNinhCchc.Web.Survey;
using TayNinhCchc.Web.Tests.Pages.DanhGia;

namespace TayNinhCchc.Web.Tests.Survey;

public sealed class RetentionSweepTests
{
    [Fact]
    public async Task Comments_reasons_and_client_hashes_are_erased_after_the_retention_period_and_answers_stay()
    {
        using var portal = new PortalFactory();
        var client = portal.CreatePortalClient();
        var form = (await SurveyForm.OpenAsync(client)).With(SurveyForm.Valid)
            .Set("Input.Answers[tong-the]", "1").Set("Input.Reasons[tong-the]", "Chờ quá lâu").Set("Input.Comment", "Cần thêm ghế chờ");
        using (var response = await form.PostAsync(client))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var sweep = portal.Services.GetRequiredService<RetentionSweep>();
        portal.Time.Advance(TimeSpan.FromDays(365));
        Assert.Equal(0, await sweep.SweepAsync());
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Equal("Cần thêm ghế chờ", await db.Ratings.Select(r => r.Comment).SingleAsync());

        // Past 24 months. The hosted sweep may run first on the advanced clock; either way the data is gone.
        portal.Time.Advance(TimeSpan.FromDays(400));
        await sweep.SweepAsync();

        var rating = await db.Ratings.Include(r => r.Answers).SingleAsync();
        Assert.Null(rating.Comment);
        Assert.Null(rating.CommentState);
        Assert.Null(rating.ClientHash);
        Assert.All(rating.Answers, answer => Assert.Null(answer.Reason));
        Assert.Equal(8, rating.Answers.Count);
        Assert.Equal(1, rating.Answers.Single(answer => answer.CriterionCode == "tong-the").Value);
    }
}
