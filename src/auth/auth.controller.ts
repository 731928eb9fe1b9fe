import { Body, Controller, HttpCode, HttpStatus, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../common/problem.dto';
import { Accounts, VerifiedUser } from './accounts.service';
import { LoginDto } from './dto/login.dto';
import { RefreshTokenDto } from './dto/refresh-token.dto';
import { SignupDto } from './dto/signup.dto';
import { TokenPairDto } from './dto/token-pair.dto';
import { AuthRateLimitGuard } from './guards/auth-rate-limit.guard';
import { LocalAuthGuard } from './guards/local-auth.guard';
import { Public } from './public.decorator';
import { Sessions } from './tokens/sessions';

@ApiTags('auth')
@Public()
@Controller('v1/auth')
export class AuthController {
  constructor(
    private readonly accounts: Accounts,
    private readonly sessions: Sessions,
  ) {}

  @Post('signup')
  @UseGuards(AuthRateLimitGuard)
  @ApiOperation({ summary: 'Create an organization and its owner, and log in' })
  @ApiCreatedResponse({ type: TokenPairDto, description: 'The new owner’s session.' })
  @ApiProblems(400, 409, 413, 415, 429)
  signUp(@Body() dto: SignupDto): Promise<TokenPairDto> {
    return this.accounts.signUp(dto);
  }

  @Post('login')
  @HttpCode(HttpStatus.OK)
  @UseGuards(AuthRateLimitGuard, LocalAuthGuard)
  @ApiOperation({ summary: 'Log in with email and password' })
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiProblems(400, 401, 403, 413, 415, 429)
  logIn(@Req() request: { user: VerifiedUser }, @Body() dto: LoginDto): Promise<TokenPairDto> {
    return this.accounts.logIn(request.user, dto.organizationId);
  }

  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @UseGuards(AuthRateLimitGuard)
  @ApiOperation({ summary: 'Exchange a refresh token for a new token pair', description: 'Each refresh token works once. Presenting a used one revokes the whole session.' })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiProblems(400, 401, 413, 415, 429)
  refresh(@Body() dto: RefreshTokenDto): Promise<TokenPairDto> {
    return this.sessions.refresh(dto.refreshToken);
  }

  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'End the session a refresh token belongs to' })
  @ApiNoContentResponse({ description: 'The session is over (also when it already was).' })
  @ApiProblems(400, 413, 415)
  async logOut(@Body() dto: RefreshTokenDto): Promise<void> {
    await this.sessions.end(dto.refreshToken);
  }
}
