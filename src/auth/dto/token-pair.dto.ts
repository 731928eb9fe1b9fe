import { ApiProperty } from '@nestjs/swagger';

/** What signup, login, refresh and accepting an invitation answer with. */
export class TokenPairDto {
  @ApiProperty({ description: 'JWT to send as `Authorization: Bearer <accessToken>`.' })
  accessToken!: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType!: 'Bearer';

  @ApiProperty({ example: 900, description: 'Seconds until the access token expires.' })
  expiresIn!: number;

  @ApiProperty({ example: 'assay_rt_3q2-7wEXAMPLEu0pZc1Lh0xk0Jd8tq4bVQyYvN8mPqM4', description: 'Single-use: /v1/auth/refresh exchanges it for a new pair.' })
  refreshToken!: string;

  @ApiProperty({ example: 2592000, description: 'Seconds until the refresh token expires.' })
  refreshExpiresIn!: number;
}
