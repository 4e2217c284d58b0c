using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TayNinhCchc.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddBotProtection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "UsedChallenges",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(22)", unicode: false, maxLength: 22, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UsedChallenges", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_UsedChallenges_ExpiresAt",
                table: "UsedChallenges",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "UsedChallenges");
        }
    }
}
