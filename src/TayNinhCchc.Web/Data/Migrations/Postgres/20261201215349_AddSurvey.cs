using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TayNinhCchc.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddSurvey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AnswerTallies",
                columns: table => new
                {
                    AgencyCode = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    CriteriaVersion = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    CriterionCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Value = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnswerTallies", x => new { x.AgencyCode, x.Year, x.Month, x.CriteriaVersion, x.CriterionCode, x.Value });
                });

            migrationBuilder.CreateTable(
                name: "CriteriaVersions",
                columns: table => new
                {
                    Version = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Definition = table.Column<string>(type: "text", nullable: false),
                    FrozenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CriteriaVersions", x => x.Version);
                });

            migrationBuilder.CreateTable(
                name: "PortalSecrets",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Value = table.Column<byte[]>(type: "bytea", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalSecrets", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "Ratings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReceiptNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AgencyCode = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    ProcedureCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    DossierHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: true),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    CriteriaVersion = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CommentState = table.Column<int>(type: "integer", nullable: true),
                    ClientHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: true),
                    IsFlagged = table.Column<bool>(type: "boolean", nullable: false),
                    FlagReasons = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReviewState = table.Column<int>(type: "integer", nullable: false),
                    CountsInStatistics = table.Column<bool>(type: "boolean", nullable: false),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ratings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RatingTallies",
                columns: table => new
                {
                    AgencyCode = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    ProcedureCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Ratings = table.Column<int>(type: "integer", nullable: false),
                    Satisfied = table.Column<int>(type: "integer", nullable: false),
                    Dissatisfied = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RatingTallies", x => new { x.AgencyCode, x.ProcedureCode, x.Year, x.Month });
                });

            migrationBuilder.CreateTable(
                name: "RatingAnswers",
                columns: table => new
                {
                    RatingId = table.Column<long>(type: "bigint", nullable: false),
                    CriterionCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Value = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RatingAnswers", x => new { x.RatingId, x.CriterionCode });
                    table.ForeignKey(
                        name: "FK_RatingAnswers_Ratings_RatingId",
                        column: x => x.RatingId,
                        principalTable: "Ratings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_AgencyCode_SubmittedAt",
                table: "Ratings",
                columns: new[] { "AgencyCode", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_DossierHash",
                table: "Ratings",
                column: "DossierHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_IsFlagged_ReviewState",
                table: "Ratings",
                columns: new[] { "IsFlagged", "ReviewState" });

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_ReceiptNumber",
                table: "Ratings",
                column: "ReceiptNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RatingTallies_ProcedureCode_Year_Month",
                table: "RatingTallies",
                columns: new[] { "ProcedureCode", "Year", "Month" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AnswerTallies");

            migrationBuilder.DropTable(
                name: "CriteriaVersions");

            migrationBuilder.DropTable(
                name: "PortalSecrets");

            migrationBuilder.DropTable(
                name: "RatingAnswers");

            migrationBuilder.DropTable(
                name: "RatingTallies");

            migrationBuilder.DropTable(
                name: "Ratings");
        }
    }
}
